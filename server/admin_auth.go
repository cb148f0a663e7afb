package server

import (
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"net/http"
	"net/url"
	"strings"
)

// adminCookie carries the admin token in the browser after the login form,
// limited to /admin, invisible to scripts and never sent cross-site.
const adminCookie = "spravka_admin"

// adminCookieMaxAge is how long a browser stays logged in to /admin.
const adminCookieMaxAge = 8 * 60 * 60

// checkAdminToken compares token with the configured admin token hash in
// constant time. No admin token configured means no admin at all.
func (s *Server) checkAdminToken(token string) bool {
	want, err := hex.DecodeString(strings.TrimSpace(s.cfg.AdminTokenSHA256))
	if err != nil || len(want) != sha256.Size || token == "" {
		return false
	}
	got := sha256.Sum256([]byte(token))
	return subtle.ConstantTimeCompare(got[:], want) == 1
}

// adminToken reports whether the request carries the admin token, as a
// bearer header (scripts, Prometheus) or as the login cookie (browsers).
func (s *Server) adminToken(r *http.Request) bool {
	if token, ok := bearerToken(r); ok {
		return s.checkAdminToken(token)
	}
	if c, err := r.Cookie(adminCookie); err == nil {
		return s.checkAdminToken(c.Value)
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

func secureRequest(r *http.Request) bool {
	return r.TLS != nil || strings.EqualFold(r.Header.Get("X-Forwarded-Proto"), "https")
}

func (s *Server) handleAdminLogin(w http.ResponseWriter, r *http.Request) error {
	if s.cfg.AdminTokenSHA256 == "" {
		return errAdminOff
	}
	if !sameOrigin(r) {
		return errCrossSite
	}
	if _, err := readBody(w, r, 4<<10); err != nil {
		return err
	}
	token := strings.TrimSpace(r.PostFormValue("token"))
	if !s.checkAdminToken(token) {
		return s.renderAdminLogin(w, http.StatusUnauthorized, "That token is not the admin token.")
	}
	http.SetCookie(w, &http.Cookie{Name: adminCookie, Value: token, Path: "/admin", MaxAge: adminCookieMaxAge,
		HttpOnly: true, Secure: secureRequest(r), SameSite: http.SameSiteStrictMode})
	http.Redirect(w, r, "/admin", http.StatusSeeOther)
	return nil
}

func (s *Server) handleAdminLogout(w http.ResponseWriter, r *http.Request) error {
	if !sameOrigin(r) {
		return errCrossSite
	}
	http.SetCookie(w, &http.Cookie{Name: adminCookie, Value: "", Path: "/admin", MaxAge: -1,
		HttpOnly: true, Secure: secureRequest(r), SameSite: http.SameSiteStrictMode})
	http.Redirect(w, r, "/admin", http.StatusSeeOther)
	return nil
}
