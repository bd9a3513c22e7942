// Route "/broken": reads a query that always rejects; the ErrorBoundary shows the error
// and offers a retry (revalidate the key, then re-render the children).
import { createAsync, revalidate } from "@solidjs/router";
import { ErrorBoundary, Suspense } from "solid-js";
import { getBrokenQuery } from "../queries";

export default function Broken() {
  const data = createAsync(() => getBrokenQuery());
  return (
    <section>
      <h1>Broken</h1>
      <ErrorBoundary
        fallback={(err: Error, reset) => (
          <div id="broken-error" class="error" role="alert">
            <p>{err.message}</p>
            <button id="broken-retry" onClick={() => revalidate(getBrokenQuery.key).then(reset)}>Retry</button>
          </div>
        )}
      >
        <Suspense fallback={<p>Loading…</p>}>
          <p>Got: {String(data())}</p>
        </Suspense>
      </ErrorBoundary>
    </section>
  );
}
