package eval

import (
	"context"
	"math"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"

	"github.com/spravka/spravka"
)

// tinySet has a message of every kind in two languages.
const tinySet = `
-- queries.jsonl --
{"id": "r1", "text": "как вернуть деньги", "lang": "ru", "kind": "single"}
{"id": "r2", "text": "отменить подписку? и вернуть деньги?", "lang": "ru", "kind": "two"}
{"id": "r3", "text": "погода в Сочи", "lang": "ru", "kind": "offtopic"}
{"id": "e1", "text": "reset my password", "lang": "en", "kind": "single"}
-- qrels.tsv --
query-id	article-id	score
r1	refund	1
r2	cancel	1
r2	refund	1
e1	reset	1
e1	reset-old	1
-- answers.tsv --
query-id	part	article-id	section-id
r1	1	refund	сроки
r2	1	cancel	-
r2	2	refund	сроки
e1	1	reset	on-the-web
e1	1	reset-old	-
`

// setFS is the txtar archive a with its files changed by edits (name →
// new content).
func setFS(a string, edits map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for _, f := range txtar.Parse([]byte(a)).Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	for name, data := range edits {
		fsys[name] = &fstest.MapFile{Data: []byte(strings.TrimLeft(data, "\n"))}
	}
	return fsys
}

func TestReadSuggestSet(t *testing.T) {
	set, err := ReadSuggestSet(setFS(tinySet, nil))
	if err != nil {
		t.Fatal(err)
	}
	if len(set.Messages) != 4 || set.Messages[1].Kind != KindTwo {
		t.Errorf("messages = %+v", set.Messages)
	}
	want := []Answer{{1, "cancel", ""}, {2, "refund", "сроки"}}
	if got := set.Answers["r2"]; !reflect.DeepEqual(got, want) {
		t.Errorf("answers of r2 = %+v, want %+v", got, want)
	}
}

func TestReadSuggestSetRejects(t *testing.T) {
	head := "query-id\tpart\tarticle-id\tsection-id\n"
	tests := []struct {
		name  string
		edits map[string]string
		want  string
	}{
		{"off-topic answered", map[string]string{"queries.jsonl": `{"id": "r1", "text": "x", "lang": "ru", "kind": "offtopic"}`,
			"qrels.tsv": "h\nr1\trefund\t1\n", "answers.tsv": head + "r1\t1\trefund\t-\n"}, "off-topic, yet answered"},
		{"single with a second part", map[string]string{"queries.jsonl": `{"id": "r1", "text": "x", "lang": "ru", "kind": "single"}`,
			"qrels.tsv": "h\nr1\trefund\t1\nr1\tcancel\t1\n", "answers.tsv": head + "r1\t1\trefund\t-\nr1\t2\tcancel\t-\n"}, "part 1 only"},
		{"two without a second part", map[string]string{"queries.jsonl": `{"id": "r1", "text": "x", "lang": "ru", "kind": "two"}`,
			"qrels.tsv": "h\nr1\trefund\t1\n", "answers.tsv": head + "r1\t1\trefund\t-\n"}, "parts 1 and 2"},
		{"qrels and answers disagree", map[string]string{"qrels.tsv": "h\nr1\tcancel\t1\nr2\tcancel\t1\nr2\trefund\t1\ne1\treset\t1\ne1\treset-old\t1\n"},
			"qrels.tsv judges [cancel] relevant, answers.tsv names [refund]"},
		{"unknown kind", map[string]string{"queries.jsonl": `{"id": "r3", "text": "x", "lang": "ru", "kind": "three"}` + "\n" +
			`{"id": "r1", "text": "x", "lang": "ru", "kind": "single"}` + "\n" + `{"id": "r2", "text": "x", "lang": "ru", "kind": "two"}` + "\n" +
			`{"id": "e1", "text": "x", "lang": "en", "kind": "single"}`}, `kind "three"`},
		{"no kind", map[string]string{"queries.jsonl": `{"id": "r3", "text": "x", "lang": "ru"}`}, `kind ""`},
		{"no lang", map[string]string{"queries.jsonl": `{"id": "r3", "text": "x", "kind": "offtopic"}`}, "no lang"},
		{"id repeats", map[string]string{"queries.jsonl": `{"id": "r3", "text": "x", "lang": "ru", "kind": "offtopic"}` + "\n" +
			`{"id": "r3", "text": "y", "lang": "ru", "kind": "offtopic"}`}, "id repeats"},
		{"answer of no message", map[string]string{"queries.jsonl": `{"id": "r3", "text": "x", "lang": "ru", "kind": "offtopic"}`},
			"message r1: answered but not in queries.jsonl"},
		{"part 3", map[string]string{"answers.tsv": head + "r1\t3\trefund\t-\n"}, `part "3" is not 1 or 2`},
		{"three columns", map[string]string{"answers.tsv": head + "r1\t1\trefund\n"}, "want 4 tab-separated fields"},
	}
	for _, tt := range tests {
		_, err := ReadSuggestSet(setFS(tinySet, tt.edits))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want it to say %q", tt.name, err, tt.want)
		}
	}
}

func TestSuggestSetCheck(t *testing.T) {
	set, err := ReadSuggestSet(setFS(tinySet, nil))
	if err != nil {
		t.Fatal(err)
	}
	art := func(id, lang string, sections ...string) *spravka.Article {
		a := &spravka.Article{ID: id, Lang: lang}
		for _, s := range sections {
			a.Sections = append(a.Sections, spravka.Section{ID: s})
		}
		return a
	}
	arts := []*spravka.Article{art("refund", "ru", "сроки"), art("cancel", "en"), art("reset", "en", "on-the-web"), art("reset-old", "ru")}
	if err := set.Check(arts); err != nil {
		t.Errorf("Check = %v, want nil (an answer in another language than the message is fine)", err)
	}
	arts[0] = art("refund", "en", "сроки")
	arts[2] = art("reset", "en", "on-the-phone")
	err = set.Check(arts[1:])
	for _, want := range []string{"message r1: no article refund", "message e1: article reset has no en section \"on-the-web\""} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Check = %v, want it to say %q", err, want)
		}
	}
	if err := set.Check(append(arts[1:], arts[0])); err == nil || !strings.Contains(err.Error(), `article refund has no ru section "сроки"`) {
		t.Errorf("Check = %v, want the section of the message's language", err)
	}
}

// canned answers each message text with a fixed list.
type canned map[string]*spravka.Suggestions

func (c canned) Suggest(_ context.Context, r spravka.SuggestRequest) (*spravka.Suggestions, error) {
	return c[r.Text], nil
}

func TestRunSuggest(t *testing.T) {
	set, err := ReadSuggestSet(setFS(tinySet, nil))
	if err != nil {
		t.Fatal(err)
	}
	r1 := list(sg("refund", "сроки"), sg("cancel", ""))
	r1.Confident = true
	r3 := list(sg("refund", ""))
	r3.Confident = true
	e1 := list(sg("other", ""), sg("reset-old", ""))
	e1.Confident = true
	s := canned{
		"как вернуть деньги":                   r1,
		"отменить подписку? и вернуть деньги?": split([]spravka.Suggestion{sg("cancel", "")}, []spravka.Suggestion{sg("x", ""), sg("refund", "")}),
		"погода в Сочи":                        r3,
		"reset my password":                    e1,
	}
	rep, err := RunSuggest(context.Background(), s, set, SuggestOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// r1 right, r2 half right at 1 and right at 3, e1 wrong at 1 and
	// right at 3; sections: r1 right, r2's second question and e1 not;
	// confident: r1 right, r3 (off-topic) and e1 wrong.
	want := SuggestMetrics{Messages: 4, OnTopic: 3, OffTopic: 1, Right1: 1.5 / 3, Right3: 1, Sections: 3, SectionRight1: 1.0 / 3,
		Confident: 3, ConfidentPrecision: 1.0 / 3, Coverage: 2.0 / 3}
	if got := withoutTimes(rep.All); !closeTo(got, want) {
		t.Errorf("all:\n got %+v\nwant %+v", got, want)
	}
	wantEn := SuggestMetrics{Messages: 1, OnTopic: 1, Right3: 1, Sections: 1, Confident: 1, Coverage: 1}
	if got := withoutTimes(rep.Langs["en"]); !closeTo(got, wantEn) {
		t.Errorf("en:\n got %+v\nwant %+v", got, wantEn)
	}
	wantOff := SuggestMetrics{Messages: 1, OffTopic: 1, Confident: 1}
	if got := withoutTimes(rep.Kinds[KindOffTopic]); !closeTo(got, wantOff) {
		t.Errorf("off-topic:\n got %+v\nwant %+v", got, wantOff)
	}
	var missed []string
	for _, m := range rep.Misses {
		missed = append(missed, m.ID)
	}
	if want := []string{"r2", "r3", "e1"}; !reflect.DeepEqual(missed, want) {
		t.Errorf("misses = %v, want %v", missed, want)
	}
}

func withoutTimes(m SuggestMetrics) SuggestMetrics {
	m.P50MS, m.P99MS = 0, 0
	return m
}

func closeTo(a, b SuggestMetrics) bool {
	va, vb := reflect.ValueOf(a), reflect.ValueOf(b)
	for i := range va.NumField() {
		x, y := va.Field(i), vb.Field(i)
		if x.CanFloat() && math.Abs(x.Float()-y.Float()) > 1e-9 || x.CanInt() && x.Int() != y.Int() {
			return false
		}
	}
	return true
}
