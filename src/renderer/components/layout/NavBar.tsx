// The left navigation: one link per screen, the current one marked, Alt+number shortcuts shown.
import { useUiStore } from '../../stores/ui/store.js';
import { selectScreen } from '../../stores/ui/selectors.js';
import { SCREENS, screenHash } from '../../screens.js';
import { ScreenIcon } from './ScreenIcon.js';

export function NavBar() {
  const current = useUiStore(selectScreen);
  return (
    <nav className="nav" aria-label="Screens">
      <ul className="nav__list">
        {SCREENS.map((screen, index) => (
          <li key={screen.id}>
            <a
              className="nav__link"
              href={screenHash(screen.id)}
              aria-current={screen.id === current ? 'page' : undefined}
              aria-keyshortcuts={`Alt+${index + 1}`}
              title={`${screen.label} (Alt+${index + 1})`}
            >
              <ScreenIcon screen={screen.id} />
              <span>{screen.label}</span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
