package server

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"time"
)

// requestIDs issues the ids of suggest answers and recognises them when an
// agent's feedback refers to one, without keeping a list that would grow
// with traffic or be lost on restart: an id is a random nonce and the time
// it was issued, with a MAC over both and the agent's name. Feedback on an
// id this server (or a replica with the same analytics salt) did not give
// that agent, or gave more than requestIDMaxAge ago, is refused as unknown.
type requestIDs struct {
	key []byte
}

const (
	requestIDNonce  = 8
	requestIDTime   = 4 // Unix seconds, big-endian; enough until 2106
	requestIDMAC    = 12
	requestIDMaxAge = 7 * 24 * time.Hour
	// requestIDSkew tolerates replicas whose clocks differ a little.
	requestIDSkew = time.Minute
)

// newRequestIDs derives the key from the analytics salt, so that replicas
// sharing one store accept each other's ids; without a salt (analytics
// off) the key is random, and ids last as long as the process.
func newRequestIDs(salt []byte) requestIDs {
	if len(salt) == 0 {
		key := make([]byte, 32)
		_, _ = rand.Read(key) // crypto/rand.Read never fails on supported platforms
		return requestIDs{key: key}
	}
	m := hmac.New(sha256.New, salt)
	m.Write([]byte("spravka suggest request ids"))
	return requestIDs{key: m.Sum(nil)}
}

// issue returns a new id of an answer given to agent at now.
func (k requestIDs) issue(agent string, now time.Time) string {
	b := make([]byte, requestIDNonce+requestIDTime, requestIDNonce+requestIDTime+requestIDMAC)
	_, _ = rand.Read(b[:requestIDNonce])
	binary.BigEndian.PutUint32(b[requestIDNonce:], uint32(now.Unix()))
	return base64.RawURLEncoding.EncodeToString(append(b, k.mac(b, agent)...))
}

// known reports whether id was issued to agent, recently enough at now.
func (k requestIDs) known(id, agent string, now time.Time) bool {
	b, err := base64.RawURLEncoding.DecodeString(id)
	if err != nil || len(b) != requestIDNonce+requestIDTime+requestIDMAC {
		return false
	}
	body, sum := b[:requestIDNonce+requestIDTime], b[requestIDNonce+requestIDTime:]
	if !hmac.Equal(sum, k.mac(body, agent)) {
		return false
	}
	issued := time.Unix(int64(binary.BigEndian.Uint32(body[requestIDNonce:])), 0)
	return !issued.After(now.Add(requestIDSkew)) && now.Sub(issued) <= requestIDMaxAge
}

func (k requestIDs) mac(body []byte, agent string) []byte {
	m := hmac.New(sha256.New, k.key)
	m.Write(body)
	m.Write([]byte(agent))
	return m.Sum(nil)[:requestIDMAC]
}
