/**
 * Runs a command's main function and turns a failure into a short message and a
 * non-zero exit code; the stack is only noise for someone running `npm run db:…`
 * (set DEBUG=1 to see it).
 */
export async function runScript(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    console.error(`\n✖ ${describeError(error)}`);
    if (process.env.DEBUG) console.error(error);
    process.exitCode = 1;
  }
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // Drizzle wraps a driver error as "Failed query: …" with the driver's error as the cause,
  // and the driver's code and message are what say what went wrong.
  const driver = error.cause instanceof Error ? error.cause : error;
  const code = (driver as Error & { code?: string }).code;
  if (code === "ECONNREFUSED") return `Cannot reach the MySQL server (${driver.message}). Is it running?`;
  if (code === "ER_BAD_DB_ERROR") return `${driver.message}. Create it first: mysql -uroot -e 'CREATE DATABASE …'.`;
  if (/no such table|doesn't exist/i.test(driver.message))
    return `${driver.message}. Run \`npm run db:migrate\` first.`;
  return driver === error ? error.message : `${error.message}\n  ${driver.message}`;
}
