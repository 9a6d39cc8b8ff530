package ingest

import (
	"encoding/json"
	"strings"
)

// ldInfo is what the page's JSON-LD (schema.org) blocks say about the
// article.
type ldInfo struct {
	published, author, headline, lang string
}

// ldObject is one JSON-LD node.
type ldObject = map[string]any

// readJSONLD reads the JSON-LD blocks of a page. Article-typed nodes are
// preferred over others (a WebPage node often has a date of its own), and
// author references by @id are followed within the page.
func readJSONLD(blocks []string) ldInfo {
	var objects []ldObject
	for _, block := range blocks {
		var v any
		if json.Unmarshal([]byte(trimScriptWrapper(block)), &v) == nil {
			collectLD(v, &objects, 0)
		}
	}
	byID := map[string]ldObject{}
	for _, o := range objects {
		if id, ok := o["@id"].(string); ok {
			byID[id] = o
		}
	}
	var info ldInfo
	for _, articleOnly := range []bool{true, false} {
		for _, o := range objects {
			if articleOnly && !isArticleType(o["@type"]) {
				continue
			}
			info.fill(o, byID)
		}
	}
	return info
}

// fill takes from o whatever info still lacks.
func (info *ldInfo) fill(o ldObject, byID map[string]ldObject) {
	if info.published == "" {
		info.published = ldString(o["datePublished"])
	}
	if info.headline == "" {
		info.headline = ldString(o["headline"])
	}
	if info.author == "" {
		info.author = ldNames(o["author"], byID, 0)
	}
	if info.lang == "" {
		info.lang = ldString(o["inLanguage"])
	}
}

// trimScriptWrapper removes the comment or CDATA markers some sites wrap
// their JSON in.
func trimScriptWrapper(s string) string {
	s = strings.TrimSpace(s)
	for _, w := range [][2]string{{"<!--", "-->"}, {"//<![CDATA[", "//]]>"}, {"<![CDATA[", "]]>"}} {
		if strings.HasPrefix(s, w[0]) {
			s = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(s, w[0]), w[1]))
		}
	}
	return s
}

// collectLD flattens arrays and @graph lists into a list of nodes.
func collectLD(v any, out *[]ldObject, depth int) {
	if depth > 8 || len(*out) > 1000 {
		return
	}
	switch v := v.(type) {
	case []any:
		for _, item := range v {
			collectLD(item, out, depth+1)
		}
	case ldObject:
		*out = append(*out, v)
		if g, ok := v["@graph"]; ok {
			collectLD(g, out, depth+1)
		}
		if m, ok := v["mainEntity"]; ok {
			collectLD(m, out, depth+1)
		}
	}
}

// isArticleType recognises the schema.org types news and blog pages use
// for the article itself.
func isArticleType(t any) bool {
	switch t := t.(type) {
	case string:
		return strings.Contains(t, "Article") || strings.Contains(t, "BlogPosting") ||
			t == "Report" || t == "ReportageNews"
	case []any:
		for _, x := range t {
			if isArticleType(x) {
				return true
			}
		}
	}
	return false
}

// ldString returns a JSON string, or the first string of a list.
func ldString(v any) string {
	switch v := v.(type) {
	case string:
		return strings.TrimSpace(v)
	case []any:
		for _, x := range v {
			if s := ldString(x); s != "" {
				return s
			}
		}
	case ldObject:
		return ldString(v["@value"])
	}
	return ""
}

// ldNames reads an author value: a name, a Person or Organization node, a
// reference to one by @id, or a list of those, joined by ", ".
func ldNames(v any, byID map[string]ldObject, depth int) string {
	if depth > 4 {
		return ""
	}
	switch v := v.(type) {
	case string:
		return strings.TrimSpace(v)
	case ldObject:
		if name := ldString(v["name"]); name != "" {
			return name
		}
		if id, ok := v["@id"].(string); ok {
			return ldString(byID[id]["name"])
		}
	case []any:
		var names []string
		for _, x := range v {
			if name := ldNames(x, byID, depth+1); name != "" {
				names = append(names, name)
			}
		}
		return strings.Join(names, ", ")
	}
	return ""
}
