package server

import (
	"net/http"

	"github.com/spravka/spravka"
)

// agentView is the data of the agent page: its UI strings in the page's
// language. The page itself holds no content; suggestions arrive through
// the suggest API with the agent's token, so the HTML is the same for
// everyone and safe to cache.
type agentView struct {
	T     map[string]string
	Langs []string
}

// handleAgentPage serves /agent, where a support agent pastes a customer's
// message and gets suggestions (themes/default/static/agent.js). The page
// language comes from ?lang=, else Accept-Language.
func (s *Server) handleAgentPage(w http.ResponseWriter, r *http.Request) error {
	lang := r.URL.Query().Get("lang")
	if !spravka.IsLanguage(lang) {
		lang = s.langOf(r)
	}
	strs := agentStrings[lang]
	w.Header().Set("Cache-Control", "no-cache")
	return s.pages.render(w, http.StatusOK, "agent", view{Lang: lang, Langs: spravka.Languages, SiteName: s.cfg.SiteName,
		Title: strs["title"], Data: agentView{T: strs, Langs: spravka.Languages}})
}
