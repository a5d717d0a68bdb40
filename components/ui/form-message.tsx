/** The outcome of a form or action: announced politely on success, as an alert on failure. */
export function FormMessage({ result }: { result: { ok: boolean; message: string } | null | undefined }) {
  if (!result) return null;
  return (
    <p
      role={result.ok ? "status" : "alert"}
      className={`text-sm ${result.ok ? "text-green-800 dark:text-green-300" : "text-red-700 dark:text-red-400"}`}
    >
      {result.message}
    </p>
  );
}
