package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/spravka/spravka/search"
)

// Two tiny judged sets in the shared format: in each, the answer's title
// restates the query while a decoy repeats one query word in its body.
const trainSets = `
-- alpha/queries.jsonl --
{"id": "a1", "text": "reset forgotten password", "lang": "en"}
{"id": "a2", "text": "delete account forever", "lang": "en"}
-- alpha/qrels.tsv --
query	article	relevance
a1	reset	1
a2	delete	1
-- alpha/content/en/reset.md --
---
id: "reset"
title: "Reset a forgotten password"
lang: "en"
---

Open the sign-in page and follow the link.
-- alpha/content/en/delete.md --
---
id: "delete"
title: "Delete your account forever"
lang: "en"
---

Settings, then the last button.
-- alpha/content/en/decoy.md --
---
id: "decoy"
title: "Security overview"
lang: "en"
---

A password, a password, another password; an account and an account.
-- beta/queries.jsonl --
{"id": "b1", "text": "change invoice currency", "lang": "en"}
-- beta/qrels.tsv --
query	article	relevance
b1	currency	1
-- beta/content/en/currency.md --
---
id: "currency"
title: "Change the invoice currency"
lang: "en"
---

Pick it in the invoice form.
-- beta/content/en/other.md --
---
id: "other"
title: "Invoices"
lang: "en"
---

An invoice, an invoice, an invoice list.
`

// writeTxtar writes the files of a txtar archive into a fresh temporary
// dir and returns it.
func writeTxtar(t *testing.T, archive string) string {
	t.Helper()
	dir := t.TempDir()
	for _, f := range txtar.Parse([]byte(archive)).Files {
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestTrainWritesAModelThatRanksTheAnswersFirst(t *testing.T) {
	sets := writeTxtar(t, trainSets)
	out := filepath.Join(t.TempDir(), "ranker.json")
	var stdout bytes.Buffer
	if err := run(context.Background(), []string{"train", "--sets", sets, "--sample", "", "--out", out}, &stdout, io.Discard); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := search.ParseModel(data); err != nil {
		t.Fatalf("written model does not load: %v\n%s", err, data)
	}
	lines := map[string]string{}
	for _, l := range strings.Split(stdout.String(), "\n") {
		if f := strings.Fields(l); len(f) > 0 {
			lines[f[0]] = l
		}
	}
	for _, g := range []string{"alpha/en", "beta/en"} {
		if !strings.Contains(lines[g], "in-sample MRR@10 1.0000") {
			t.Errorf("want %s trained to MRR@10 1, got %q in:\n%s", g, lines[g], stdout.String())
		}
	}
}

func TestTrainCrossValidationTable(t *testing.T) {
	sets := writeTxtar(t, trainSets)
	var stdout bytes.Buffer
	if err := run(context.Background(), []string{"train", "--cv", "--sets", sets, "--sample", ""}, &stdout, io.Discard); err != nil {
		t.Fatal(err)
	}
	got := stdout.String()
	for _, want := range []string{"| group | queries | left-out MRR@10", "| alpha/en | 2 |", "| beta/en | 1 |", "| mean |", "weights learned on all groups:"} {
		if !strings.Contains(got, want) {
			t.Errorf("cv table lacks %q:\n%s", want, got)
		}
	}
}

func TestTrainRefusesWithoutOutput(t *testing.T) {
	err := run(context.Background(), []string{"train", "--sets", writeTxtar(t, trainSets), "--sample", ""}, io.Discard, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "--out FILE or --cv") {
		t.Fatalf("want a usage error, got %v", err)
	}
}
