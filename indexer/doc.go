// Package indexer reads a content tree of Markdown help articles into
// spravka.Articles, categories and synonym groups, reporting every defect
// as a spravka.Problem with a file and line, and builds the search index
// from them.
//
// Loading is two passes: every file is parsed (in parallel) into an
// article and a Markdown syntax tree, and only when all URLs are known are
// the trees rendered, so that links between articles can be rewritten to
// the target's URL.
package indexer
