package eval_test

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/spravka/spravka/eval"
	"github.com/spravka/spravka/indexer"
)

// The suggest set over the sample help center (testdata/suggest).
const (
	suggestSet    = "testdata/suggest"
	sampleContent = "../content"
)

// TestSuggestSetValid keeps the suggest set in step with the sample help
// center: every article and section it names exists, and it still has the
// messages the README promises.
func TestSuggestSetValid(t *testing.T) {
	set, err := eval.ReadSuggestSet(os.DirFS(suggestSet))
	if err != nil {
		t.Fatal(err)
	}
	corpus, err := indexer.Load(context.Background(), os.DirFS(sampleContent), indexer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := set.Check(corpus.Articles); err != nil {
		t.Error(err)
	}
	count := map[string]int{}
	for _, m := range set.Messages {
		count[m.Lang]++
		count[m.Kind]++
		if n := len(strings.Fields(m.Text)); n < 20 || n > 200 {
			t.Errorf("message %s has %d words, want 20-200 as a ticket has", m.ID, n)
		}
	}
	least := map[string]int{"ru": 80, "uk": 40, "bg": 40, "en": 40, eval.KindTwo: 30, eval.KindOffTopic: 20}
	for k, n := range least {
		if count[k] < n {
			t.Errorf("%d %s messages, want at least %d", count[k], k, n)
		}
	}
	if len(set.Messages) < 200 {
		t.Errorf("%d messages, want at least 200", len(set.Messages))
	}
	t.Logf("%d messages: %v", len(set.Messages), count)
}
