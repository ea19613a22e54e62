export async function main(argv: string[]): Promise<number> {
  process.stdout.write(`hookline ${argv.join(' ')}\n`);
  return 0;
}
