// Package content embeds the sample help center, which spravka serves when no
// content folder is given. It is also the fixture of the integration and
// browser tests.
package content

import (
	"embed"
	"io/fs"
)

//go:embed all:*
var files embed.FS

// FS returns the sample content tree. Go sources of this package are in it
// too; the indexer ignores everything but Markdown and assets.
func FS() fs.FS { return files }
