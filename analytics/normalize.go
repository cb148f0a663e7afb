package analytics

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"net"
	"regexp"
	"strings"
	"time"
	"unicode"
)

// MaxQueryRunes is how much of a query the store keeps; longer text is a
// pasted message, not a query, and only its start is useful in reports.
const MaxQueryRunes = 200

var (
	emailPattern  = regexp.MustCompile(`[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}`)
	digitsPattern = regexp.MustCompile(`\+?\d[\d\s()+-]{4,}\d`)
)

// Normalize turns a query into the form reports group by: lower case,
// ё folded to е, punctuation at the edges of words dropped, one space
// between words. E-mail addresses and long digit runs (phones, card and
// order numbers) are replaced by placeholders, because customers paste
// personal data into search boxes and analytics must not keep it.
func Normalize(q string) string {
	q = emailPattern.ReplaceAllString(q, " <email> ")
	q = digitsPattern.ReplaceAllStringFunc(q, func(m string) string {
		n := 0
		for _, r := range m {
			if unicode.IsDigit(r) {
				n++
			}
		}
		if n < 6 {
			return m // a year, a short error code: keep
		}
		return " <number> "
	})
	// Control characters would let a query rewrite the terminal that shows
	// `spravka report`; they never belong in a query anyway.
	q = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, q)
	q = strings.ToLower(q)
	q = strings.NewReplacer("ё", "е", "’", "'", "ʼ", "'").Replace(q)
	words := strings.FieldsFunc(q, unicode.IsSpace)
	out := words[:0]
	for _, w := range words {
		w = strings.TrimFunc(w, func(r rune) bool {
			return unicode.IsPunct(r) && r != '<' && r != '>' && r != '#' && r != '+'
		})
		if w != "" {
			out = append(out, w)
		}
	}
	q = strings.Join(out, " ")
	if r := []rune(q); len(r) > MaxQueryRunes {
		q = strings.TrimSpace(string(r[:MaxQueryRunes]))
	}
	return q
}

// VisitorHash is the pseudonymous visitor key of votes: an HMAC of the day,
// the IP address and the user agent under a secret salt. The day is part
// of the input, so one visitor's keys of different days cannot be linked,
// and without the salt a key cannot be tested against a guessed IP.
func VisitorHash(salt []byte, day time.Time, ip, userAgent string) string {
	m := hmac.New(sha256.New, salt)
	m.Write([]byte(day.UTC().Format(time.DateOnly)))
	m.Write([]byte{0})
	m.Write([]byte(ip))
	m.Write([]byte{0})
	m.Write([]byte(userAgent))
	return hex.EncodeToString(m.Sum(nil)[:16])
}

// ClientIP returns the visitor's address: the direct peer, or the first
// X-Forwarded-For entry when the peer is a loopback or private address
// (a reverse proxy in front of spravka). A forged header from the internet
// is ignored, since such a peer is not private.
func ClientIP(remoteAddr, forwardedFor string) string {
	host, _, err := net.SplitHostPort(remoteAddr)
	if err != nil {
		host = remoteAddr
	}
	peer := net.ParseIP(host)
	if peer != nil && (peer.IsLoopback() || peer.IsPrivate()) && forwardedFor != "" {
		first := strings.TrimSpace(strings.Split(forwardedFor, ",")[0])
		if ip := net.ParseIP(first); ip != nil {
			return ip.String()
		}
	}
	return host
}
