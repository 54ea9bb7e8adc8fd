#!/usr/bin/env bash
# Re-imports the two seed articles into data/articles/ with the ingest command, replacing the
# files already there (--force). Run from anywhere: ./scripts/import-seeds.sh [SEEDS_DIR]
# SEEDS_DIR defaults to ../shared/seeds next to the repository.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
afp_raw=000_6bad74319bc0afbf.txt
rt_raw=002_834d2982ec98fa8b.txt

# The raw seeds are not in the repository (only their cleaned versions, data/articles/): say what
# is missing and where it was looked for, in one line, and stop before touching data/.
seeds_arg="${1:-$repo/../shared/seeds}"
for file in "$afp_raw" "$rt_raw"; do
  if [[ ! -f "$seeds_arg/$file" ]]; then
    echo "import-seeds: missing raw seed $seeds_arg/$file (the raw seeds live in ../shared/seeds beside the repository; pass another folder as the first argument)" >&2
    exit 2
  fi
done
seeds="$(cd "$seeds_arg" && pwd)"
cd "$repo"

# AFP wire story: source, date and dateline come from its wire header. It has no title line, so it
# gets one made only of words from its lead (the derived one would stop mid-sentence).
npm run --silent ingest -- "$seeds/$afp_raw" --force \
  --title "Sapeurs militaires et ouvriers de l'armée nord-coréenne pour la reconstruction de la région russe de Koursk"

# RT en français page: no wire header, so the source is given; the date is read from
# "ce 17 juin 2025" in the text; the original URL is unknown, so none is recorded.
npm run --silent ingest -- "$seeds/$rt_raw" --force --source rt-fr
