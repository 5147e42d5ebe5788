// Placeholder until the CLI lands.
process.stdout.write('runtime-drift: not yet built\n');
