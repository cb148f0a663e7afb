package spravka

import (
	"errors"
	"fmt"
)

// Sentinel errors. Packages wrap them with context (fmt.Errorf("…: %w", err))
// and the server maps them to status codes with errors.Is.
var (
	ErrNotFound     = errors.New("not found")          // 404
	ErrBadQuery     = errors.New("bad request")        // 400
	ErrTooLarge     = errors.New("request too large")  // 413
	ErrUnauthorized = errors.New("unauthorized")       // 401
	ErrRateLimited  = errors.New("too many requests")  // 429
	ErrNotReady     = errors.New("index not ready")    // 503
	ErrLocked       = errors.New("data dir is in use") // another process holds the index
)

// Errorf returns an error that wraps kind and reads as the formatted message,
// for errors whose text is shown to the caller as is.
func Errorf(kind error, format string, args ...any) error {
	return &Error{Kind: kind, Message: fmt.Sprintf(format, args...)}
}

// Error is a caller-facing error: Message is safe to show, Kind decides the status.
type Error struct {
	Kind    error
	Message string
}

func (e *Error) Error() string { return e.Message }

// Unwrap lets errors.Is match the kind.
func (e *Error) Unwrap() error { return e.Kind }

// ErrorMessage returns the caller-facing message of err: the message of the
// outermost *Error, or the generic text for internal errors.
func ErrorMessage(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	for _, kind := range []error{ErrNotFound, ErrBadQuery, ErrTooLarge, ErrUnauthorized, ErrRateLimited, ErrNotReady} {
		if errors.Is(err, kind) {
			return kind.Error()
		}
	}
	return "internal error"
}
