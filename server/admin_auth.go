package server

import (
	"crypto/sha256"
	"crypto/subtle"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// adminCookie carries the admin session id (see adminSessions) in the
// browser after the login form, limited to /admin, invisible to scripts
// and never sent cross-site.
const adminCookie = "spravka_admin"

// adminOn reports whether an admin token is configured; without one there
// is no admin at all, and /admin is a 404.
func (s *Server) adminOn() bool { return s.auth.Load().hasAdmin }

// isAdminToken compares token with the admin token hash in constant time.
func (a *authenticator) isAdminToken(token string) bool {
	if !a.hasAdmin || token == "" {
		return false
	}
	got := sha256.Sum256([]byte(token))
	return subtle.ConstantTimeCompare(got[:], a.admin[:]) == 1
}

// adminToken reports whether the request comes from the admin: the token
// as a bearer header (scripts, Prometheus), or a live login session
// (browsers).
func (s *Server) adminToken(r *http.Request) bool {
	auth := s.auth.Load()
	if token, ok := bearerToken(r); ok {
		return auth.isAdminToken(token)
	}
	if c, err := r.Cookie(adminCookie); err == nil && auth.hasAdmin {
		return s.admins.valid(c.Value, auth.admin, time.Now())
	}
	return false
}

// sameOrigin refuses form posts made by other sites: browsers send Origin
// on cross-site POSTs, and a page elsewhere must not log a visitor in or
// vote in their name.
func sameOrigin(r *http.Request) bool {
	origin := r.Header.Get("Origin")
	if origin == "" || (origin == "null" && r.Header.Get("Sec-Fetch-Site") == "same-origin") {
		return true
	}
	u, err := url.Parse(origin)
	return err == nil && u.Host == r.Host
}

// secureCookie says whether the admin cookie gets the Secure flag: when
// the request came over TLS, from a proxy that says it did, or when the
// site's public address is https (TLS ends at a proxy that does not say).
func (s *Server) secureCookie(r *http.Request) bool {
	return r.TLS != nil || strings.EqualFold(r.Header.Get("X-Forwarded-Proto"), "https") ||
		strings.HasPrefix(strings.ToLower(s.cfg.BaseURL), "https://")
}

func (s *Server) handleAdminLogin(w http.ResponseWriter, r *http.Request) error {
	auth := s.auth.Load()
	if !auth.hasAdmin {
		return errAdminOff
	}
	if !sameOrigin(r) {
		return errCrossSite
	}
	if _, err := readBody(w, r, 4<<10); err != nil {
		return err
	}
	if !auth.isAdminToken(strings.TrimSpace(r.PostFormValue("token"))) {
		return s.renderAdminLogin(w, http.StatusUnauthorized, "That token is not the admin token.")
	}
	id := s.admins.open(auth.admin, time.Now())
	http.SetCookie(w, &http.Cookie{Name: adminCookie, Value: id, Path: "/admin", MaxAge: int(adminSessionTTL / time.Second),
		HttpOnly: true, Secure: s.secureCookie(r), SameSite: http.SameSiteStrictMode})
	http.Redirect(w, r, "/admin", http.StatusSeeOther)
	return nil
}

// handleAdminLogout ends the session on the server, so that a copy of the
// cookie is worthless too, and clears it in the browser.
func (s *Server) handleAdminLogout(w http.ResponseWriter, r *http.Request) error {
	if !sameOrigin(r) {
		return errCrossSite
	}
	if c, err := r.Cookie(adminCookie); err == nil {
		s.admins.close(c.Value)
	}
	http.SetCookie(w, &http.Cookie{Name: adminCookie, Value: "", Path: "/admin", MaxAge: -1,
		HttpOnly: true, Secure: s.secureCookie(r), SameSite: http.SameSiteStrictMode})
	http.Redirect(w, r, "/admin", http.StatusSeeOther)
	return nil
}
