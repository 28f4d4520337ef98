"""Writes docs/benchmarks.md from compare.sh's measurements.

    report.py RESULTS.tsv META.tsv OUTPUT.md

RESULTS.tsv: config, case, client, round, wall seconds, peak RSS (KiB), ok|fail — one line per run.
META.tsv: key, value (machine, versions, sizes, what novaimage offered).
The sections between the markers of an existing OUTPUT are kept: the microbenchmarks (written by scripts/bench.sh) and
the hand-written account of what bounds the targets and what was tried.
"""
import statistics
import sys
from collections import defaultdict

MICRO_BEGIN = '<!-- BEGIN microbenchmarks (scripts/bench.sh) -->'
MICRO_END = '<!-- END microbenchmarks -->'
TRIED_BEGIN = '<!-- BEGIN what bounds the targets and what was tried (hand-written, kept by report.py) -->'
TRIED_END = '<!-- END what was tried -->'

# case -> (title, the clients' labels in display order, the clients each row is compared with, how the floor is had)
CASES = {
    'download': ('HTTP download, verified ({small})', [
        ('curl', 'curl (unverified)'),
        ('curl-fsync', 'bound: curl, then `sync` of the file (the fsync novaimage makes)'),
        ('openssl-sha512', 'bound: `openssl dgst -sha512` of the stored file (the hash alone)'),
        ('openssl-md5', 'bound: `openssl dgst -md5` of the stored file (the hash alone)'),
        ('novaimage-multihash', 'novaimage (multihash only)'),
        ('novaimage-md5', 'novaimage (md5 + multihash)'),
        ('library-multihash', 'library `DownloadAsync` → FileStream (multihash only)'),
        ('library-md5', 'library `DownloadAsync` → FileStream (md5 + multihash)'),
        ('novaimage-default', 'novaimage, default options (its default `--parallel`{default_parallel})'),
        ('glance', '`glance image-download` (multihash)'),
        ('sdk', 'openstacksdk `download_image` (md5)'),
    ], ['curl', 'glance', 'sdk'], 'curl'),
    'parallel': ('Parallel ranged download ({small}; `--parallel N`, multihash)', [
        ('curl', 'curl (unverified, one stream)'),
        # novaimage-parallel-N rows are added for each N measured
    ], ['curl'], 'curl'),
    'direct': ('Direct-store download ({small}, file store mounted locally)', [
        ('sha512sum', '`sha512sum` of the stored file'),
        ('cp', '`cp` of the stored file'),
        ('novaimage-direct', 'novaimage via the file:// adapter (verified)'),
    ], ['sha512sum', 'cp'], 'slower of sha512sum and cp'),
    'upload': ('Upload ({small}, into a queued image)', [
        ('curl', '`curl -T` (PUT)'),
        ('novaimage', '`novaimage image upload`'),
        ('glance', '`glance image-upload`'),
        ('sdk', 'openstacksdk `Image.upload`'),
    ], ['curl', 'glance', 'sdk'], 'curl'),
    'list': ('List {listed} images', [
        ('floor', 'curl, one keep-alive connection, {pages} page(s) of up to 1,000, no parsing (floor)'),
        ('novaimage-table', '`novaimage image list` (table)'),
        ('novaimage-json', '`novaimage --json image list`'),
        ('glance', '`glance image-list`'),
        ('sdk', 'openstacksdk `images()`'),
    ], ['glance', 'sdk'], 'floor'),
    'download-big': ('HTTP download of {big} (memory)', [
        ('curl', 'curl (unverified)'),
        ('novaimage-multihash', 'novaimage (multihash only)'),
        ('novaimage-md5', 'novaimage (md5 + multihash)'),
        ('library-multihash', 'library `DownloadAsync` → FileStream (multihash only)'),
        ('novaimage-default', 'novaimage, default options (its default `--parallel`{default_parallel})'),
    ], ['curl'], 'curl'),
    'cold': ('One cold command (show one image, a fresh process)', [
        ('curl', '`curl` GET'),
        ('novaimage', '`novaimage image show`'),
        ('glance', '`glance image-show`'),
        ('sdk', 'openstacksdk `get_image`'),
    ], ['glance', 'sdk', 'curl'], 'curl'),
}
PEER_NAMES = {'curl': 'curl', 'glance': 'glance', 'sdk': 'sdk', 'sha512sum': 'sha512sum', 'cp': 'cp'}


def load(results_path, meta_path):
    runs = defaultdict(list)     # (config, case, client) -> [(seconds, rss_kib)]
    failed = defaultdict(int)
    with open(results_path) as f:
        for line in f:
            config, case, client, _round, seconds, rss, status = line.rstrip('\n').split('\t')
            if status == 'ok':
                runs[(config, case, client)].append((float(seconds), int(rss) if rss.isdigit() else 0))
            else:
                failed[(config, case, client)] += 1
    meta = {}
    with open(meta_path) as f:
        for line in f:
            key, _, value = line.rstrip('\n').partition('\t')
            meta[key] = value
    return runs, failed, meta


def mib_label(mib):
    mib = int(mib)
    return f'{mib // 1024} GiB' if mib % 1024 == 0 else f'{mib} MiB'


class Stats:
    def __init__(self, runs, failed):
        self.runs, self.failed = runs, failed

    def median(self, config, case, client):
        times = [t for t, _ in self.runs.get((config, case, client), [])]
        return statistics.median(times) if times else None

    def peak_rss_mib(self, config, case, client):
        rss = [r for _, r in self.runs.get((config, case, client), [])]
        return max(rss) / 1024 if rss else None

    def floor(self, config, case):
        rule = CASES[case][3]
        if rule == 'slower of sha512sum and cp':
            values = [self.median(config, case, c) for c in ('sha512sum', 'cp')]
            return max(values) if all(v is not None for v in values) else None
        return self.median(config, case, rule)

    def ratio(self, config, case, client, reference_median):
        m = self.median(config, case, client)
        return m / reference_median if m is not None and reference_median else None


def parallel_clients(stats, config, case):
    names = {k[2] for k in list(stats.runs) + list(stats.failed) if k[0] == config and k[1] == case and k[2].startswith('novaimage-parallel-')}
    return sorted(names, key=lambda c: int(c.rsplit('-', 1)[1]))


def fmt_s(value):
    return '–' if value is None else (f'{value:.3f}' if value < 10 else f'{value:.2f}')


def fmt_ratio(value):
    return '–' if value is None else f'{value:.2f}×'


def case_table(stats, meta, config, case):
    title, clients, peers, floor_rule = CASES[case]
    fields = {'small': mib_label(meta['small_mib']), 'big': mib_label(meta['big_mib']), 'listed': f"{int(meta['listed']):,}",
              'pages': meta['pages'],
              'default_parallel': f" {meta['parallel_default']}" if meta.get('parallel_default') else ''}
    clients = clients + [(c, f'novaimage `--parallel {c.rsplit("-", 1)[1]}` (verified)') for c in parallel_clients(stats, config, case)]
    rows = [(c, label.format(**fields)) for c, label in clients if (config, case, c) in stats.runs or (config, case, c) in stats.failed]
    if not rows:
        return []
    floor = stats.floor(config, case)
    # When the floor is one of the peers its column would repeat that peer's.
    floor_column = floor_rule not in peers
    header = ['client', 'median (s)', 'min–max (s)', 'peak RSS (MiB)'] + [f'× {PEER_NAMES[p]}' for p in peers]
    if floor_column:
        header.append('× floor' if floor_rule == 'floor' else f'× floor ({floor_rule})')
    out = [f'#### {title.format(**fields)}', '', '| ' + ' | '.join(header) + ' |', '|' + '---|' * len(header)]
    for client, label in rows:
        times = [t for t, _ in stats.runs.get((config, case, client), [])]
        rng = f'{fmt_s(min(times))}–{fmt_s(max(times))}' if times else '–'
        failed = stats.failed.get((config, case, client), 0)
        median = fmt_s(stats.median(config, case, client)) + (f' ({failed} failed)' if failed else '')
        rss = stats.peak_rss_mib(config, case, client)
        cells = [label, median, rng, '–' if rss is None else f'{rss:.0f}']
        for peer in peers:
            cells.append('' if peer == client else fmt_ratio(stats.ratio(config, case, client, stats.median(config, case, peer))))
        if floor_column:
            cells.append(fmt_ratio(stats.ratio(config, case, client, floor)))
        out.append('| ' + ' | '.join(cells) + ' |')
    out.append('')
    return out


def targets(stats, meta, main):
    one = 'workers-1'
    rows = []

    def ratio_to(case, client, ref_client):
        return stats.ratio(main, case, client, stats.median(main, case, ref_client))

    def judged(value, limit, strict=False):
        if value is None:
            return 'not measured'
        return 'met' if (value < limit if strict else value <= limit) else '**not met**'

    curl = stats.median(main, 'download', 'curl')
    sha = stats.median(main, 'download', 'openssl-sha512')
    md5 = stats.median(main, 'download', 'openssl-md5')
    synced = stats.median(main, 'download', 'curl-fsync')

    def r_(value):
        return fmt_ratio(value / curl) if value is not None and curl else '–'

    sha_bound = f'the sha512 alone: {r_(sha)} curl; curl + fsync: {r_(synced)}'
    both = (sha + md5) / int(meta['cores']) if sha is not None and md5 is not None else None
    md5_bound = (f'md5 alone {r_(md5)}, sha512 alone {r_(sha)}: both hashes spread over all {meta["cores"]} cores '
                 f'and nothing else running ≥ {r_(both)} curl')

    def also_one_worker(case, client, ref):
        r = stats.ratio(one, case, client, stats.median(one, case, ref))
        return f'; 1 worker: {fmt_ratio(r)}' if r is not None else ''

    # 1. multihash-only HTTP download
    r = ratio_to('download', 'novaimage-multihash', 'curl')
    lib = ratio_to('download', 'library-multihash', 'curl')
    if (main, 'download', 'novaimage-multihash') in stats.runs:
        rows.append(('HTTP download verified by the multihash ≤ 1.3× curl', f'novaimage {fmt_ratio(r)}{also_one_worker("download", "novaimage-multihash", "curl")}; library {fmt_ratio(lib)}', judged(r, 1.3), sha_bound))
    else:
        rows.append(('HTTP download verified by the multihash ≤ 1.3× curl', f'the CLI cannot verify the multihash alone (it has no md5 option); library {fmt_ratio(lib)}', 'not measurable with the CLI', sha_bound))
    # 2. with md5
    r = ratio_to('download', 'novaimage-md5', 'curl')
    rows.append(('… with md5 as well ≤ 1.6× curl', f'novaimage {fmt_ratio(r)}{also_one_worker("download", "novaimage-md5", "curl")}; library {fmt_ratio(ratio_to("download", "library-md5", "curl"))}', judged(r, 1.6), md5_bound))
    # 3. parallel
    if meta.get('parallel'):
        measured = [(c, ratio_to('parallel', c, 'curl')) for c in parallel_clients(stats, main, 'parallel')]
        measured = [(c, r) for c, r in measured if r is not None]
        best = min(measured, key=lambda m: m[1]) if measured else (None, None)
        parts = [f'`--parallel {c.rsplit("-", 1)[1]}`: {fmt_ratio(r)}{also_one_worker("parallel", c, "curl")}' for c, r in measured]
        rows.append((f'Parallel ranges (Glance with {meta["cores"]} workers): verified download < 1.0× curl', '; '.join(parts) or 'not measured', judged(best[1], 1.0, strict=True),
                     f'the sha512 of the whole image is one sequential computation: {r_(sha)} curl however many connections fetch the bytes'))
    else:
        rows.append(('Parallel ranges: verified download < 1.0× curl', 'novaimage has no `--parallel` option', 'not available', ''))
    # 4. direct store
    r = stats.ratio(main, 'direct', 'novaimage-direct', stats.floor(main, 'direct'))
    rows.append(('Direct-store download, verified ≤ 1.2× the slower of `sha512sum` and `cp`', fmt_ratio(r), judged(r, 1.2), ''))
    # 5. listing
    floor = stats.median(main, 'list', 'floor')
    glance = stats.median(main, 'list', 'glance')
    parts, ok = [], True
    for client, name in (('novaimage-table', 'table'), ('novaimage-json', '--json')):
        rf = stats.ratio(main, 'list', client, floor)
        rg = stats.ratio(main, 'list', client, glance)
        parts.append(f'{name}: {fmt_ratio(rf)} floor, {fmt_ratio(rg)} glance')
        ok = ok and rf is not None and rg is not None and rf <= 1.1 and rg < 1.0
    rows.append((f'List {int(meta["listed"]):,} images ≤ 1.1× the keep-alive floor and faster than `glance image-list`', '; '.join(parts),
                 'met' if ok else ('not measured' if floor is None else '**not met**'),
                 'the floor is almost all server time (Glance builds each page of 1,000); what is left is the process, parsing and printing'))
    # 6. upload
    r = ratio_to('upload', 'novaimage', 'curl')
    rows.append(('Upload ≤ 1.1× curl', fmt_ratio(r), judged(r, 1.1), ''))
    # 7. memory: the CLI's peak over all its HTTP downloads at each size
    names = {'novaimage-multihash': 'multihash, one stream', 'novaimage-md5': 'md5 + multihash, one stream', 'novaimage-default': 'default options'}
    parts, ok, any_measured = [], True, False
    for client, name in names.items():
        small = stats.peak_rss_mib(main, 'download', client)
        big = stats.peak_rss_mib(main, 'download-big', client)
        if small is None or big is None:
            continue
        any_measured = True
        ok = ok and small <= 64 and big <= 64 and abs(big - small) <= 0.1 * small
        parts.append(f'{name}: {small:.0f} / {big:.0f} MiB ({(big - small) / small * 100:+.0f}%)')
    rows.append((f'Peak memory of the CLI ≤ 64 MiB, within 10% between {mib_label(meta["small_mib"])} and {mib_label(meta["big_mib"])}',
                 '; '.join(parts) or 'not measured', ('met' if ok else '**not met**') if any_measured else 'not measured', ''))
    out = ['| target | measured (ratios of medians) | | bound, measured in the same run |', '|---|---|---|---|']
    out += [f'| {a} | {b} | {c} | {d} |' for a, b, c, d in rows]
    return out + ['']


def main(argv):
    results_path, meta_path, output_path = argv
    runs, failed, meta = load(results_path, meta_path)
    stats = Stats(runs, failed)
    cores = meta['cores']
    main_config = f'workers-{cores}'
    micro = tried = ''
    try:
        with open(output_path) as f:
            text = f.read()
        if MICRO_BEGIN in text and MICRO_END in text:
            micro = text[text.index(MICRO_BEGIN):text.index(MICRO_END) + len(MICRO_END)]
        if TRIED_BEGIN in text and TRIED_END in text:
            tried = text[text.index(TRIED_BEGIN):text.index(TRIED_END) + len(TRIED_END)]
    except FileNotFoundError:
        pass

    out = ['# Benchmarks', '']
    if meta.get('quick') == '1':
        out += ['> **Quick mode** (`scripts/compare.sh --quick`): small data and few rounds, for trying the script only. '
                'These numbers say nothing about the targets.', '']
    out += [
        'NovaImage side by side with the tools it replaces, all against one local Glance on the same machine in the same run, '
        'written by `scripts/compare.sh` (do not edit by hand; run `bash scripts/compare.sh` again). '
        f'Each case ran {meta["rounds"]} times with its clients interleaved (the order rotates every round); '
        'times are wall-clock seconds of the whole process (start-up included), medians with the range; '
        '“peak RSS” is the largest maximum resident set size (`/usr/bin/time`) over the runs. '
        'Ratios are of medians (< 1 is faster than the reference); where curl is the floor (downloads, upload, the cold command) the “× curl” column is the ratio to the floor. The in-process microbenchmarks (BenchmarkDotNet) '
        'are at the end.', '',
        '## Machine and run', '',
        '| | |', '|---|---|',
        f'| date | {meta["date"]} |',
        f'| commit | {meta["commit"]} |',
        f'| CPU | {meta["cpu"]}, {cores} cores (`nproc`) |',
        f'| RAM | {meta["ram"]} |',
        f'| kernel, OS | {meta["kernel"]}, {meta["os"]} |',
        f'| load average at the end | {meta["load"]} |',
        f'| Glance | python3-glance {meta["glance"]} (Zed), `scripts/glance-dev.sh`: trusted-auth dev token, file store, sqlite; '
        f'{cores} API workers for every case, then 1 worker for the HTTP downloads again |',
        f'| peers | curl {meta["curl"]}, python3-glanceclient {meta["glanceclient"]} (`glance`, an empty `~/.glanceclient` per run), '
        f'python3-openstacksdk {meta["openstacksdk"]} (a `/usr/bin/python3` script per run, `scripts/compare/sdk_bench.py`) |',
        f'| novaimage | the NativeAOT binary (`dotnet publish -c Release -r linux-x64`, .NET SDK {meta["dotnet"]}); md5 option: '
        f'{("`" + meta["md5_option"] + "`") if meta.get("md5_option") else "none (it always verifies md5 and the multihash)"}; '
        f'`--parallel`: {meta["parallel"] or "not available"} |',
        '| library | `tests/NovaImage.Benchmarks download` (JIT, framework-dependent): `GlanceImageApi.Create` + `DownloadAsync` into a `FileStream` |',
        f'| data | {mib_label(meta["small_mib"])} and {mib_label(meta["big_mib"])} from /dev/urandom; {int(meta["list_count"]):,} metadata-only images '
        f'(+ the two data images); downloads go to {meta["out_fs"]} (page cache warm; `sync` before every run, outside the time) |',
        f'| duration | {int(meta["measured_s"]) // 60} min {int(meta["measured_s"]) % 60} s of measurement; {meta["failures"]} failed run(s) |',
        '',
        '## Targets (issue 13)', '',
        f'Judged on the Glance with {cores} workers; the 1-worker ratio is shown beside it where it exists.', '',
    ]
    out += targets(stats, meta, main_config)
    out += [tried or f'{TRIED_BEGIN}\n{TRIED_END}', '']
    for config, title in ((main_config, f'Glance with {cores} API workers'), ('workers-1', 'Glance with 1 API worker')):
        if not any(k[0] == config for k in list(runs) + list(failed)):
            continue
        out += [f'## {title}', '']
        for case in CASES:
            out += case_table(stats, meta, config, case)
    out += [
        '## Notes', '',
        '- Every client is a fresh process, as a user runs it: Python start-up and imports (~0.3–0.6 s) are part of '
        '`glance` and openstacksdk times; the library client pays .NET start-up and JIT.',
        '- novaimage writes a download beside the destination, fsyncs it and renames it into place; curl, `glance` and the SDK '
        'do not fsync.',
        '- The list floor fetches the pages only (their URLs found beforehand) and parses nothing; the others follow `next` and '
        'parse. `glance image-list` prints a table, openstacksdk only counts.',
        '- The direct-store floor reads the stored file once (`sha512sum`) or copies it (`cp`); novaimage does both and verifies '
        'the hash the image record carries.',
        '',
    ]
    out += [micro or f'{MICRO_BEGIN}\n## Microbenchmarks\n\nNot run yet: `scripts/bench.sh` writes them here.\n{MICRO_END}', '']
    with open(output_path, 'w') as f:
        f.write('\n'.join(out))


if __name__ == '__main__':
    main(sys.argv[1:])
