// Toasts in the corner: an error shows what failed, the engine's message, where, and the hint
// saying what to do; information toasts go away by themselves.
import { useToastsStore } from '../../stores/toasts/store.js';
import { selectDismissToast, selectToasts } from '../../stores/toasts/selectors.js';
import { describeLocation } from '../../format/error-location.js';

export function Toasts() {
  const toasts = useToastsStore(selectToasts);
  const dismiss = useToastsStore(selectDismissToast);
  return (
    <section className="toasts" aria-label="Notifications">
      {toasts.map((toast) => {
        const where = describeLocation(toast.error?.detail);
        return (
          <div key={toast.id} className={`toast toast--${toast.kind}`} role={toast.kind === 'error' ? 'alert' : 'status'}>
            <div className="toast__body">
              <p className="toast__title">{toast.title}</p>
              {toast.error ? <p className="toast__message">{toast.error.message}</p> : null}
              {where ? <p className="toast__where">{where}</p> : null}
              {toast.error?.hint ? <p className="toast__hint">{toast.error.hint}</p> : null}
            </div>
            <button type="button" className="toast__close" aria-label="Dismiss notification" onClick={() => dismiss(toast.id)}>
              ×
            </button>
          </div>
        );
      })}
    </section>
  );
}
