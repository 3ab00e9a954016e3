// The width of an element in CSS pixels, kept current as the window or the layout resizes, so a
// chart can draw at the width it is shown at (full panel width, text at its own size).
import { useLayoutEffect, useRef, useState, type RefObject } from 'react';

/** A ref to attach and the attached element's content width (undefined until it is measured). */
export function useElementWidth<T extends HTMLElement>(): [RefObject<T>, number | undefined] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState<number | undefined>(undefined);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    setWidth(element.clientWidth);
    const observer = new ResizeObserver((entries) => {
      const box = entries[entries.length - 1]?.contentRect;
      if (box) setWidth(Math.round(box.width));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}
