package server_test

import (
	"io/fs"
	"net/http/httptest"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/spravka/spravka/content"
	"github.com/spravka/spravka/indexer"
	"github.com/spravka/spravka/search"
	"github.com/spravka/spravka/server"
)

// leakDrafts are unpublished articles added to the sample for the leak
// tests: the sample itself has internal articles but no drafts. Their
// words (flamingoprice, quantumledger, фламингопрайс…) are in no other
// article.
var leakDrafts = map[string]string{
	"billing/flamingo-pricing.en.md": `---
title: "Flamingoprice plan launch checklist"
draft: true
questions:
  - "when does the flamingoprice plan launch"
---

The flamingoprice tier replaces the legacy starter plan next quarter. Marketing publishes the announcement only after finance signs the quantumledger forecast.

## Rollout

Existing customers keep their current price for twelve months; support answers with the pelicanquote macro until the rollout ends.
`,
	"billing/flamingo-pricing.ru.md": `---
title: "Запуск тарифа Фламингопрайс"
draft: true
questions:
  - "когда запустят тариф фламингопрайс"
---

Тариф фламингопрайс заменит устаревший стартовый тариф в следующем квартале. Анонс выходит только после того, как финансисты подпишут прогноз квантледжера.

## Переход

Действующие клиенты сохраняют текущую цену двенадцать месяцев; поддержка отвечает шаблоном пеликанкоут до конца перехода.
`,
}

// leakSample is the sample help center plus leakDrafts, served with agents
// of every tier and an admin. It is separate from openAgentSample so that
// the drafts change no other test's site.
type leakSample struct {
	eng    *search.Engine
	corpus *indexer.Corpus
	server *server.Server
	srv    *httptest.Server
}

var (
	leakOnce sync.Once
	leakSite *leakSample
	leakErr  error
)

func openLeakSample(t *testing.T) *leakSample {
	t.Helper()
	leakOnce.Do(func() { leakSite, leakErr = newLeakSample() })
	if leakErr != nil {
		t.Fatal(leakErr)
	}
	return leakSite
}

func newLeakSample() (*leakSample, error) {
	files := fstest.MapFS{}
	err := fs.WalkDir(content.FS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(content.FS(), p)
		files[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		return nil, err
	}
	for p, text := range leakDrafts {
		files[p] = &fstest.MapFile{Data: []byte(text)}
	}
	eng, corpus, srv, err := buildSample(files)
	if err != nil {
		return nil, err
	}
	return &leakSample{eng: eng, corpus: corpus, server: srv, srv: httptest.NewServer(srv.Handler())}, nil
}
