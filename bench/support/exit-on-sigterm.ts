// Preloaded into the role processes when BENCH_CPU_PROF is set: `--cpu-prof` writes its profile only on a normal
// exit, and Nest's shutdown hook ends a SIGTERM by re-raising the signal. Registered first, this listener exits.
process.once('SIGTERM', () => process.exit(0));
