package indexer

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"github.com/spravka/spravka"
)

// utf8BOM is stripped before parsing: Windows editors add it and it would
// hide the opening --- fence.
var utf8BOM = []byte("\uFEFF")

// checkSource rejects files that are not text worth parsing, pointing at
// the first offending byte so the writer can find it.
func checkSource(path string, src []byte, maxSize int64) (spravka.Problem, bool) {
	if int64(len(src)) > maxSize {
		return tooBig(path, int64(len(src)), maxSize), true
	}
	if i := bytes.IndexByte(src, 0); i >= 0 {
		line, col := position(src, i)
		return spravka.Problem{Path: path, Line: line, Column: col, Message: "binary file (NUL byte), not Markdown"}, true
	}
	if i := firstInvalidUTF8(src); i >= 0 {
		line, col := position(src, i)
		return spravka.Problem{Path: path, Line: line, Column: col, Message: "invalid UTF-8; save the file as UTF-8"}, true
	}
	return spravka.Problem{}, false
}

func tooBig(path string, size, maxSize int64) spravka.Problem {
	return spravka.Problem{Path: path, Message: fmt.Sprintf("file is %d bytes, over the %d-byte limit", size, maxSize)}
}

// position converts a byte offset into a 1-based line and a 1-based
// column counted in characters, as editors show it.
func position(src []byte, off int) (line, col int) {
	lineStart := bytes.LastIndexByte(src[:off], '\n') + 1
	return bytes.Count(src[:off], []byte("\n")) + 1, utf8.RuneCount(src[lineStart:off]) + 1
}

// firstInvalidUTF8 returns the byte offset of the first invalid UTF-8
// sequence in b, or -1.
func firstInvalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return -1
}
