// Benchmarks and a load tool; see README.md next to this file. Run from the repository root, in Release.
//
// 1. BenchmarkDotNet micro-benchmarks (mediator pipeline, GewA 1 submission check, receipts):
//
//   dotnet run -c Release --project tests/Egov.Benchmarks -- --filter '*'
//   dotnet run -c Release --project tests/Egov.Benchmarks -- --filter '*FormValidation*'
//   dotnet run -c Release --project tests/Egov.Benchmarks -- --filter '*ReceiptBenchmarks*'
//
//   Add `--job short` for a quicker, less precise run. Results go to BenchmarkDotNet.Artifacts/.
//
// 2. End-to-end submits per second: with --start on a PostgreSQL of its own (fsync and synchronous
//    commit on) and the Release host as its own process (build it first), beside a raw commit; or
//    against an already running host (loopback only). And the same host killed (SIGKILL) mid-wave:
//
//   dotnet build src/Host/Egov.Host -c Release
//   dotnet run -c Release --project tests/Egov.Benchmarks -- submit-load --start
//   dotnet run -c Release --project tests/Egov.Benchmarks -- submit-load --base-url http://localhost:5085 --concurrency 1,8,16
//   dotnet run -c Release --project tests/Egov.Benchmarks -- submit-crash --applications 1000 --concurrency 16
//
//   Options: --start, or --base-url (default http://localhost:5080) with an optional --connection-string;
//   --applications N per run (600), --concurrency a list (1,8,16,32), --time-limit seconds per run (120).
//   submit-crash: --applications (1000), --concurrency (16), --kill-after answers (a third).
//
// 3. Reads per second of the announcement list (50 items) and the feeds against a bare JSON endpoint,
//    with the host started in this process on the PostgreSQL database given (loopback only):
//
//   dotnet run -c Release --project tests/Egov.Benchmarks -- read-load --connection-string "Host=127.0.0.1;Port=55433;Username=postgres;Database=egov_readload"
//
//   Options: --connection-string (or EGOV_BENCH_POSTGRES), --concurrency one level or a list (1,8),
//   --duration seconds per run (5), --rounds interleaved runs, the median counts (3), --warm-up seconds per endpoint first (3).
//
// 4. One crisis alert pushed to 10,000 Web Push subscriptions, from the event to the last push received
//    by a fake push service on 127.0.0.1, with the host started in this process (loopback only):
//
//   dotnet run -c Release --project tests/Egov.Benchmarks -- push-load --connection-string "Host=127.0.0.1;Port=55433;Username=postgres;Database=egov_pushload"
//
//   Options: --connection-string (or EGOV_BENCH_POSTGRES), --devices (10000), --batch-size (500),
//   --parallelism (32), --rounds (3, the median counts), --time-limit seconds per round (120).
//
// 5. Crisis fan-out: one AlertIssued event to N crisis channels on a fake platform (loopback only):
//
//   dotnet run -c Release --project tests/Egov.Benchmarks -- fanout-load --connection-string "Host=127.0.0.1;Port=55481;Username=postgres;Database=egov_fanout" --channels 10
//
// 6. The crisis path: one alert to 10,000 Web Push subscriptions (10 % slow or dead) and 10 crisis channels,
//    behind 2,000 queued routine push jobs (loopback only):
//
//   dotnet run -c Release --project tests/Egov.Benchmarks -- crisis-load --connection-string "Host=127.0.0.1;Port=55481;Username=postgres;Database=egov_crisis"
//
//   Options: --devices (10000), --routine-jobs (2000), --slow-percent (5), --dead-percent (5), --channels (10),
//   --rounds (5, p95 and median), --instances (1; 2 runs a second host on the same database), --time-limit seconds (120).
//
// 7. CPU cost of one Web Push message: Lib.Net.Http.WebPush against our RFC 8291 encryption (no database):
//
//   dotnet run -c Release --project tests/Egov.Benchmarks -- push-encryption [--messages 2000]

// 6. One receipt rendered many times in a row (allocations and CPU per receipt; a profiler's target):
//
//   dotnet run -c Release --project tests/Egov.Benchmarks -- receipt-loop --form GewA1 --count 2000
//
//   Options: --form Hundesteuer|Parkausweis|GewA1 (GewA1), --count receipts (2000), --warm-up receipts (200), --out a file for the last PDF.

// 8. Every public read against a bare ASP.NET Core app serving the same captured body, side by side
//    with wrk (apt-get install wrk), against a running host (loopback only); see read-ratio.sh:
//
//   bash tests/Egov.Benchmarks/read-ratio.sh http://127.0.0.1:5080

using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using Egov.Benchmarks;

if (args is ["bare-serve", .. var bareArgs])
{
    return await BareServe.RunAsync(bareArgs);
}

if (args is ["submit-load", .. var loadArgs])
{
    return await SubmitLoad.RunAsync(loadArgs);
}

if (args is ["submit-crash", .. var crashArgs])
{
    return await SubmitCrash.RunAsync(crashArgs);
}

if (args is ["fanout-load", .. var fanOutArgs])
{
    return await AlertFanOutLoad.RunAsync(fanOutArgs);
}

if (args is ["read-load", .. var readArgs])
{
    return await ReadLoad.RunAsync(readArgs);
}

if (args is ["push-encryption", .. var encryptionArgs])
{
    return await PushEncryptionCost.RunAsync(encryptionArgs);
}

if (args is ["crisis-load", .. var crisisArgs])
{
    return await CrisisLoad.RunAsync(crisisArgs);
}

if (args is ["receipt-loop", .. var receiptArgs])
{
    return ReceiptLoop.Run(receiptArgs);
}

if (args is ["push-load", .. var pushArgs])
{
    return await PushLoad.RunAsync(pushArgs);
}

// The generated benchmark project builds everything this one references, the host included
// (read-load): more than BenchmarkDotNet's default two minutes on a small machine.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, ManualConfig.Create(DefaultConfig.Instance).WithBuildTimeout(TimeSpan.FromMinutes(10)));
return 0;
