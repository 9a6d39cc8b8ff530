package workspace

import (
	"context"
	"fmt"
	"strings"
	"unicode"

	"dossier/model"
)

// ExcerptAt starts an excerpt of an article at a span of code points: the
// span is checked against the body and the quote selector is made from it.
// The caller fills in kind, note, links and grading, then creates it.
func (ws *Workspace) ExcerptAt(ctx context.Context, articleID int64, span model.Span) (model.Excerpt, error) {
	a, err := ws.Article(ctx, articleID)
	if err != nil {
		return model.Excerpt{}, err
	}
	return excerptIn(a, span)
}

// ExcerptOfQuote starts an excerpt at the n-th occurrence (from 1) of an
// exact quote in an article.
func (ws *Workspace) ExcerptOfQuote(ctx context.Context, articleID int64, quote string, occurrence int) (model.Excerpt, error) {
	a, err := ws.Article(ctx, articleID)
	if err != nil {
		return model.Excerpt{}, err
	}
	span, err := model.NewText(a.Body).FindQuote(quote, occurrence)
	if err != nil {
		return model.Excerpt{}, fmt.Errorf("in article %d: %w", articleID, err)
	}
	return excerptIn(a, span)
}

func excerptIn(a model.Article, span model.Span) (model.Excerpt, error) {
	span = trimSpan(a.Body, span)
	sel, err := model.NewText(a.Body).Selector(span)
	if err != nil {
		return model.Excerpt{}, fmt.Errorf("in article %d: %w", a.ID, err)
	}
	if strings.TrimSpace(sel.Exact) == "" {
		return model.Excerpt{}, model.Invalidf("the span %d:%d of article %d holds no words; select at least one word", span.Start, span.End, a.ID)
	}
	return model.Excerpt{ArticleID: a.ID, Span: span, Selector: sel, Kind: model.ExcerptOther}, nil
}

// ReviseArticle replaces an article's body with a corrected one, keeping
// the old as a revision, and re-anchors every excerpt on the new text.
// Excerpts that cannot be placed are kept as orphans; they are returned.
func (ws *Workspace) ReviseArticle(ctx context.Context, id int64, body string) (model.Article, []model.Excerpt, error) {
	text := model.NewText(body)
	var orphans []model.Excerpt
	a, err := ws.DB.ReviseArticle(ctx, id, body, func(e model.Excerpt) model.Excerpt {
		anch := text.Reanchor(e.Selector, e.Span)
		e.Orphaned = anch.Orphan
		if anch.Orphan {
			orphans = append(orphans, e)
			return e
		}
		e.Span = anch.Span
		if sel, err := text.Selector(anch.Span); err == nil {
			e.Selector = sel
		}
		return e
	})
	if err != nil {
		return a, nil, err
	}
	return a, orphans, nil
}

// trimSpan narrows a span past the white space at either end: a selection
// dragged with the mouse often takes the space after the last word, and
// an excerpt should hold the words alone. A span that is out of range or
// all white space is left as it is, for the selector to refuse.
func trimSpan(body string, span model.Span) model.Span {
	runes := []rune(body)
	if span.Validate() != nil || span.End > len(runes) {
		return span
	}
	s, e := span.Start, span.End
	for s < e && unicode.IsSpace(runes[s]) {
		s++
	}
	for e > s && unicode.IsSpace(runes[e-1]) {
		e--
	}
	if s == e {
		return span
	}
	return model.Span{Start: s, End: e}
}
