import { useEffect, useState } from 'react';
import { getBridge, useAppSnapshot } from '../bridge/bridge-client';
import { InstanceList } from '../features/instances/InstanceList';
import { InstancePage } from '../features/instances/InstancePage';
import { ConnectionBanner, ConnectionStatus } from '../features/status/ConnectionStatus';
import { useReportView } from '../hooks/useReportView';

type Selection = { kind: 'home' } | { kind: 'instance'; id: string };

export function App() {
  const snapshot = useAppSnapshot();
  const [selection, setSelection] = useState<Selection>({ kind: 'home' });
  useReportView(null);

  useEffect(() => {
    document.title = 'AuZap';
  }, []);

  // A window reloaded in the middle of linking a number goes straight back to it.
  const firstFlowId = snapshot?.connectFlows[0]?.instanceId ?? null;
  const [resumed, setResumed] = useState(false);
  if (!resumed && snapshot) {
    setResumed(true);
    if (firstFlowId) setSelection({ kind: 'instance', id: firstFlowId });
  }

  if (!getBridge()) {
    return (
      <main className="centered" data-testid="no-bridge">
        <p>
          This window must be opened by AuZap Desktop (or by <code>npm run web</code>).
        </p>
      </main>
    );
  }
  if (!snapshot) {
    return (
      <main className="centered">
        <p>Starting AuZap…</p>
      </main>
    );
  }

  const { info, connection, diagnostics, instances, connectFlows } = snapshot;
  const selectedInstance =
    selection.kind === 'instance' ? (instances.items.find((i) => i.id === selection.id) ?? null) : null;

  return (
    <div className="shell">
      <header className="topbar">
        <div className="brand">
          <span className="brand__mark" aria-hidden="true">
            A
          </span>
          <span className="brand__name">AuZap</span>
          {info.demo ? (
            <span
              className="pill pill--demo"
              data-testid="demo-badge"
              title="No server is configured: this is the built-in demo backend."
            >
              Demo
            </span>
          ) : null}
        </div>
        <div className="topbar__org" data-testid="organization" title={info.serverUrl}>
          Organization <strong>{info.organizationId || '—'}</strong>
        </div>
        <ConnectionStatus connection={connection} />
      </header>
      <ConnectionBanner connection={connection} />
      <div className="workspace">
        <aside className="sidebar">
          <InstanceList
            instances={instances}
            selectedId={selectedInstance?.id ?? null}
            onSelect={(id) => setSelection({ kind: 'instance', id })}
          />
        </aside>
        <main className="content">
          {selectedInstance ? (
            <InstancePage
              key={selectedInstance.id}
              instance={selectedInstance}
              flow={connectFlows.find((f) => f.instanceId === selectedInstance.id) ?? null}
            />
          ) : (
            <section className="placeholder">
              <h1>Inbox</h1>
              <p>Choose a WhatsApp number on the left to see its status or link it.</p>
            </section>
          )}
        </main>
      </div>
      <footer className="statusbar">
        <span>v{info.version}</span>
        {diagnostics.droppedEvents > 0 ? (
          <span
            data-testid="dropped-events"
            title={
              diagnostics.lastDropped
                ? `${diagnostics.lastDropped.event}: ${diagnostics.lastDropped.reason}`
                : undefined
            }
          >
            {diagnostics.droppedEvents} malformed server event{diagnostics.droppedEvents === 1 ? '' : 's'} ignored
          </span>
        ) : null}
      </footer>
    </div>
  );
}
