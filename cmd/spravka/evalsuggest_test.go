package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spravka/spravka/eval"
)

// suggestSetup is a help center whose only answer to the message is an
// [l2] article, and a suggest set with that message and an off-topic one.
const suggestSetup = `
-- content/account/reset.en.md --
---
title: "Reset a forgotten password"
audience: [l2]
---

Open the sign-in page, follow the reset link and choose a new password.
-- content/account/delete.en.md --
---
title: "Delete your account"
---

Settings, then the last button.
-- set/queries.jsonl --
{"id": "m1", "text": "Hello, I forgot my password, how do I reset it? Thanks, Ann", "lang": "en", "kind": "single"}
{"id": "m2", "text": "What will the weather be in Lisbon next week?", "lang": "en", "kind": "offtopic"}
-- set/qrels.tsv --
query-id	article-id	score
m1	account/reset	1
-- set/answers.tsv --
query-id	part	article-id	section-id
m1	1	account/reset	-
`

func evalSuggest(t *testing.T, dir string, args ...string) (string, error) {
	t.Helper()
	var stdout bytes.Buffer
	args = append([]string{"eval-suggest", "--set", filepath.Join(dir, "set"), "--content", filepath.Join(dir, "content")}, args...)
	err := run(context.Background(), args, &stdout, io.Discard)
	return stdout.String(), err
}

func TestEvalSuggestAsksWithTheTiers(t *testing.T) {
	dir := writeTxtar(t, suggestSetup)
	for _, tt := range []struct {
		tiers  string
		right1 float64
	}{
		{"l1,l2,l3", 1}, // the default
		{"l1", 0},       // internal, but not [l2]
	} {
		out, err := evalSuggest(t, dir, "--json", "--tiers", tt.tiers)
		if err != nil {
			t.Fatal(err)
		}
		var rep eval.SuggestReport
		if err := json.Unmarshal([]byte(out), &rep); err != nil {
			t.Fatalf("--json printed %q: %v", out, err)
		}
		if rep.All.Messages != 2 || rep.All.OnTopic != 1 || rep.All.Right1 != tt.right1 || rep.Langs["en"].Messages != 2 {
			t.Errorf("--tiers %s: all = %+v, langs = %+v; want 2 messages, right@1 %v", tt.tiers, rep.All, rep.Langs, tt.right1)
		}
	}
}

func TestEvalSuggestTable(t *testing.T) {
	out, err := evalSuggest(t, writeTxtar(t, suggestSetup), "--tiers", "l1", "--misses")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"| messages | n | right@1 |", "| en | 2 | 0.000 |", "| offtopic | 1 | — | — | — |", "| **all** | 2 |",
		"miss\tm1\tsingle\taccount/reset\t"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestEvalSuggestRefusesASetThatDoesNotFit(t *testing.T) {
	dir := writeTxtar(t, strings.ReplaceAll(suggestSetup, "m1\t1\taccount/reset\t-", "m1\t1\taccount/reset\tno-such-section"))
	_, err := evalSuggest(t, dir)
	if err == nil || !strings.Contains(err.Error(), `does not fit the content: message m1: article account/reset has no en section "no-such-section"`) {
		t.Fatalf("want the set refused, got %v", err)
	}
}
