/**
 * Where the dialogs that load on first use render: Suspense while their code loads, and an error
 * boundary for when it cannot load (a damaged or half-updated install), so the window shows a
 * translated notice instead of going blank.
 */
import { Component, Suspense, type ReactNode } from 'react';
import { useI18n } from '../i18n/I18nContext';
import { DialogLoading } from './LazyDialog';

interface DialogBoundaryProps {
  children: ReactNode;
  /** Closes whatever dialog failed to load (called when the user closes the notice). */
  onGiveUp(): void;
}

export function DialogBoundary({ children, onGiveUp }: DialogBoundaryProps) {
  return (
    <LoadFailureBoundary onGiveUp={onGiveUp}>
      <Suspense fallback={<DialogLoading />}>{children}</Suspense>
    </LoadFailureBoundary>
  );
}

class LoadFailureBoundary extends Component<DialogBoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <PartMissing
        onClose={() => {
          // The dialog first, or its failed load would be rendered (and fail) again.
          this.props.onGiveUp();
          this.setState({ failed: false });
        }}
      />
    );
  }
}

/** The notice: what happened and what to do, announced at once, its button focused. */
function PartMissing({ onClose }: { onClose(): void }) {
  const { t } = useI18n();
  return (
    <section className="banner" role="alert" data-testid="part-missing">
      <span>{t('app.error.partMissing')}</span>
      <button type="button" className="button" autoFocus onClick={onClose}>
        {t('app.action.close')}
      </button>
    </section>
  );
}
