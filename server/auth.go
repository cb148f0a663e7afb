package server

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"fmt"
	"net/http"
	"regexp"
	"strings"

	"github.com/spravka/spravka"
)

// Agent is a support agent, team or bot allowed to call the agent API. Only
// the SHA-256 of its token is configured, so a leaked config file does not
// leak the tokens.
type Agent struct {
	Name        string   // shown in logs and analytics; unique
	TokenSHA256 string   // hex SHA-256 of the bearer token
	Tiers       []string // tiers whose internal articles it may see; empty = public only
}

// authenticator turns bearer tokens into access. It never changes once
// built: a new config builds a new one, which Server.SetAuth swaps in
// whole, so a request sees either the old agents and admin token or the
// new ones, never a mix.
type authenticator struct {
	agents   []knownToken
	limiter  *rateLimiter
	admin    [sha256.Size]byte // hash of the admin token, when hasAdmin
	hasAdmin bool
}

// knownToken is a configured token hash with the access it grants.
type knownToken struct {
	hash   [sha256.Size]byte
	access spravka.Access
	admin  bool
}

// adminName is the agent name of requests made with the admin token.
const adminName = "admin"

var tierPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]{0,31}$`)

func newAuthenticator(agents []Agent, adminSHA256 string, rl RateLimit) (*authenticator, error) {
	a := &authenticator{}
	seen := map[string]bool{}
	add := func(name, hexHash string, k knownToken) error {
		h, err := hex.DecodeString(strings.TrimSpace(hexHash))
		if err != nil || len(h) != sha256.Size {
			return fmt.Errorf("server: agent %q: token_sha256 must be 64 hex digits", name)
		}
		copy(k.hash[:], h)
		for _, o := range a.agents {
			if o.hash == k.hash {
				return fmt.Errorf("server: agents %q and %q share a token", o.access.Agent, name)
			}
		}
		a.agents = append(a.agents, k)
		return nil
	}
	for _, ag := range agents {
		if ag.Name == "" || ag.Name == adminName || seen[ag.Name] {
			return nil, fmt.Errorf("server: agent name %q is empty, reserved or used twice", ag.Name)
		}
		seen[ag.Name] = true
		for _, t := range ag.Tiers {
			if !tierPattern.MatchString(t) || t == spravka.AudiencePublic || t == spravka.AudienceInternal {
				return nil, fmt.Errorf("server: agent %q: tier %q must be a lowercase name other than public and internal", ag.Name, t)
			}
		}
		tiers := append([]string(nil), ag.Tiers...)
		if err := add(ag.Name, ag.TokenSHA256, knownToken{access: spravka.Access{Agent: ag.Name, Tiers: tiers}}); err != nil {
			return nil, err
		}
	}
	if adminSHA256 != "" {
		// The admin sees what writers see in preview: everything.
		if err := add(adminName, adminSHA256, knownToken{access: spravka.Access{Agent: adminName, Preview: true}, admin: true}); err != nil {
			return nil, err
		}
		a.admin, a.hasAdmin = a.agents[len(a.agents)-1].hash, true
	}
	lim, err := newRateLimiter(rl, len(a.agents))
	if err != nil {
		return nil, err
	}
	a.limiter = lim
	return a, nil
}

// lookup finds the token's entry. Every configured hash is compared, in
// constant time, whatever matches, so timing reveals nothing about which
// token (or how much of one) is right.
func (a *authenticator) lookup(token string) (int, bool) {
	if token == "" { // whatever hash a config holds, nobody's token is empty
		return -1, false
	}
	sum := sha256.Sum256([]byte(token))
	found := -1
	for i := range a.agents {
		if subtle.ConstantTimeCompare(sum[:], a.agents[i].hash[:]) == 1 {
			found = i
		}
	}
	return found, found >= 0
}

// bearerToken returns the token of an "Authorization: Bearer" header and
// whether the header uses that scheme at all; "Bearer" with no token is
// the scheme with an empty token, which no lookup accepts. Other schemes (a
// proxy's Basic auth) are not ours to judge.
func bearerToken(r *http.Request) (string, bool) {
	h := r.Header.Get("Authorization")
	scheme, token, _ := strings.Cut(strings.TrimSpace(h), " ")
	if !strings.EqualFold(scheme, "Bearer") {
		return "", false
	}
	return strings.TrimSpace(token), true
}

type ctxKey int

const (
	accessKey ctxKey = iota
	adminKey
)

// accessOf returns who is asking, as the authenticate middleware decided.
// Nothing a caller sends in the URL or the body can change it.
func accessOf(r *http.Request) spravka.Access {
	if a, ok := r.Context().Value(accessKey).(spravka.Access); ok {
		return a
	}
	return spravka.Public
}

// isAdmin reports whether the request carries the admin token, for admin
// endpoints such as analytics.
func isAdmin(r *http.Request) bool {
	ok, _ := r.Context().Value(adminKey).(bool)
	return ok
}

// authenticate resolves the bearer token of API requests: none means an
// anonymous visitor; an unknown one is refused with 401 rather than served
// as anonymous, so a misconfigured bot notices at once; a known one is
// rate-limited per token. Pages are always public and ignore tokens.
func (s *Server) authenticate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.URL.Path, "/api/") {
			next.ServeHTTP(w, r)
			return
		}
		token, ok := bearerToken(r)
		if !ok {
			next.ServeHTTP(w, r)
			return
		}
		auth := s.auth.Load()
		i, ok := auth.lookup(token)
		if !ok {
			s.writeAPIError(w, r, spravka.Errorf(spravka.ErrUnauthorized, "the bearer token is not valid"))
			return
		}
		if wait, ok := auth.limiter.allow(i); !ok {
			s.metrics.rateLimited.WithLabelValues("token").Inc()
			s.writeAPIError(w, r, errLimited(wait, "for this token"))
			return
		}
		k := auth.agents[i]
		ctx := context.WithValue(r.Context(), accessKey, k.access)
		ctx = context.WithValue(ctx, adminKey, k.admin)
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// SetAuth replaces the agents, the admin token and the rate limit, for a
// config reloaded while the server runs: a removed token is refused from
// the next request on, and admin sessions opened with another admin token
// end. An invalid set is refused whole and the current one kept. Rate
// limits start afresh.
func (s *Server) SetAuth(agents []Agent, adminTokenSHA256 string, rl RateLimit) error {
	auth, err := newAuthenticator(agents, adminTokenSHA256, rl)
	if err != nil {
		return err
	}
	s.auth.Store(auth)
	return nil
}

// requireAgent refuses anonymous callers of the agent API.
func requireAgent(r *http.Request) error {
	if !accessOf(r).IsAgent() {
		return spravka.Errorf(spravka.ErrUnauthorized, "this endpoint needs an agent token: Authorization: Bearer <token>")
	}
	return nil
}
