package cli

import (
	"context"
	"flag"
	"fmt"
	"strings"
	"text/tabwriter"

	"dossier/model"
	"dossier/workspace"
)

// On the command line a tag is named by its id, its name (when no other
// tag has it) or its path from the top of the codebook, "parent/child".
const tagRefHelp = "TAG is a tag's id, its name, or its path from the top of the codebook, as in peace/ceasefire; " +
	"when several tags share a name, give the path."

func tagsAddCommand() *command {
	return &command{
		name:    "tags add",
		args:    "NAME [--parent TAG] [--colour #rrggbb] [--description TEXT]",
		summary: "add a tag to the codebook",
		help:    "Adds a tag named NAME at the top of the codebook, or under --parent. " + tagRefHelp,
		setup: func(fs *flag.FlagSet) runFunc {
			parent := fs.String("parent", "", "put the tag under `TAG`")
			colour := fs.String("colour", "", "the tag's colour, as `#rrggbb`")
			fs.StringVar(colour, "color", "", "same as --colour")
			description := fs.String("description", "", "what the tag is for, in a sentence (`TEXT`)")
			return func(ctx context.Context, e *env, args []string) error {
				if err := requireArgs(args, "NAME"); err != nil {
					return err
				}
				t := model.Tag{Name: strings.TrimSpace(args[0]), Colour: *colour, Description: *description}
				if err := checkTagFields(t, "to add a tag under another, use --parent"); err != nil {
					return err
				}
				return withCodebook(ctx, e, func(ws *workspace.Workspace, book codebook) error {
					return addTag(ctx, e, ws, book, t, *parent)
				})
			}
		},
	}
}

func addTag(ctx context.Context, e *env, ws *workspace.Workspace, book codebook, t model.Tag, parent string) error {
	path := t.Name
	if parent != "" {
		p, err := book.find(parent)
		if err != nil {
			return err
		}
		t.ParentID = p.ID
		path = book.pathOf(p.ID) + "/" + t.Name
	}
	if err := ws.CreateTag(ctx, &t); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "added tag %d %q\n", t.ID, path)
	return nil
}

// checkTagFields checks a tag as typed, before the workspace is opened: a
// bad name or colour is a mistake of the command line. place says how to
// put a tag somewhere else, for a name that looks like a path.
func checkTagFields(t model.Tag, place string) error {
	if strings.Contains(t.Name, "/") {
		return usageErrorf("a tag name cannot contain \"/\", which separates the levels of a path; %s", place)
	}
	if err := t.Validate(); err != nil {
		return usageErrorf("%v", err)
	}
	return nil
}

func lastSegment(path string) string {
	i := strings.LastIndex(path, "/")
	return path[i+1:]
}

func parentPath(path string) string {
	i := strings.LastIndex(path, "/")
	return path[:max(i, 0)]
}

func tagsRenameCommand() *command {
	return &command{
		name:    "tags rename",
		args:    "TAG NEWNAME",
		summary: "rename a tag",
		help:    "Renames TAG, which keeps its place, sub-tags and everything it tags. " + tagRefHelp,
		setup: func(fs *flag.FlagSet) runFunc {
			return func(ctx context.Context, e *env, args []string) error {
				if err := requireArgs(args, "TAG", "NEWNAME"); err != nil {
					return err
				}
				name := strings.TrimSpace(args[1])
				if err := checkTagFields(model.Tag{Name: name}, "to move a tag under another, use: dossier tags move TAG --parent TAG"); err != nil {
					return err
				}
				return withCodebook(ctx, e, func(ws *workspace.Workspace, book codebook) error {
					t, err := book.find(args[0])
					if err != nil {
						return err
					}
					old := book.pathOf(t.ID)
					t.Name = name
					if err := ws.UpdateTag(ctx, &t); err != nil {
						return err
					}
					fmt.Fprintf(e.stdout, "renamed tag %d %q to %q\n", t.ID, old, book.childPath(t.ParentID, name))
					return nil
				})
			}
		},
	}
}

func tagsMoveCommand() *command {
	return &command{
		name:    "tags move",
		args:    "TAG (--parent TAG | --top)",
		summary: "move a tag under another one, or to the top of the codebook",
		help:    "Moves TAG with its sub-tags. " + tagRefHelp,
		setup: func(fs *flag.FlagSet) runFunc {
			parent := fs.String("parent", "", "move it under `TAG`")
			top := fs.Bool("top", false, "move it to the top level of the codebook")
			return func(ctx context.Context, e *env, args []string) error {
				if err := requireArgs(args, "TAG"); err != nil {
					return err
				}
				if (*parent == "") == !*top {
					return usageErrorf("give exactly one of --parent TAG and --top")
				}
				return withCodebook(ctx, e, func(ws *workspace.Workspace, book codebook) error {
					return moveTag(ctx, e, ws, book, args[0], *parent)
				})
			}
		},
	}
}

// moveTag moves the tag ref under parent, or to the top when parent is "".
func moveTag(ctx context.Context, e *env, ws *workspace.Workspace, book codebook, ref, parent string) error {
	t, err := book.find(ref)
	if err != nil {
		return err
	}
	old := book.pathOf(t.ID)
	t.ParentID = 0
	if parent != "" {
		p, err := book.find(parent)
		if err != nil {
			return err
		}
		t.ParentID = p.ID
	}
	if err := ws.UpdateTag(ctx, &t); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "moved tag %d %q to %q\n", t.ID, old, book.childPath(t.ParentID, t.Name))
	return nil
}

func tagsMergeCommand() *command {
	return &command{
		name:    "tags merge",
		args:    "FROM INTO",
		summary: "fold one tag into another",
		help: "Everything tagged FROM is tagged INTO instead, FROM's sub-tags move under INTO, and FROM is deleted. " +
			"FROM and INTO are tags: " + strings.TrimPrefix(tagRefHelp, "TAG is "),
		setup: func(fs *flag.FlagSet) runFunc {
			return func(ctx context.Context, e *env, args []string) error {
				if err := requireArgs(args, "FROM", "INTO"); err != nil {
					return err
				}
				return withCodebook(ctx, e, func(ws *workspace.Workspace, book codebook) error {
					from, err := book.find(args[0])
					if err != nil {
						return err
					}
					into, err := book.find(args[1])
					if err != nil {
						return err
					}
					if err := ws.MergeTags(ctx, from.ID, into.ID); err != nil {
						return err
					}
					fmt.Fprintf(e.stdout, "merged tag %d %q into tag %d %q\n", from.ID, book.pathOf(from.ID), into.ID, book.pathOf(into.ID))
					return nil
				})
			}
		},
	}
}

func tagsDeleteCommand() *command {
	return &command{
		name:    "tags delete",
		args:    "TAG",
		summary: "delete a tag; what it tagged is kept",
		help:    "Deletes TAG. The excerpts and articles it tagged are kept, without it; its sub-tags move up to its parent. " + tagRefHelp,
		setup: func(fs *flag.FlagSet) runFunc {
			return func(ctx context.Context, e *env, args []string) error {
				if err := requireArgs(args, "TAG"); err != nil {
					return err
				}
				return withCodebook(ctx, e, func(ws *workspace.Workspace, book codebook) error {
					return deleteTag(ctx, e, ws, book, args[0])
				})
			}
		},
	}
}

func deleteTag(ctx context.Context, e *env, ws *workspace.Workspace, book codebook, ref string) error {
	t, err := book.find(ref)
	if err != nil {
		return err
	}
	entry := book.tags[book.byID[t.ID]]
	children := book.children(t.ID)
	if err := ws.DeleteTag(ctx, t.ID); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "deleted tag %d %q; the %s and %s it tagged are kept", t.ID, entry.Path,
		quantity(entry.Excerpts, "excerpt", "excerpts"), quantity(entry.Articles, "article", "articles"))
	if children > 0 {
		where := "the top level"
		if t.ParentID != 0 {
			where = fmt.Sprintf("%q", book.pathOf(t.ParentID))
		}
		fmt.Fprintf(e.stdout, ", and its %s moved up to %s", quantity(children, "sub-tag", "sub-tags"), where)
	}
	fmt.Fprintln(e.stdout)
	return nil
}

func tagsListCommand() *command {
	return &command{
		name:    "tags list",
		args:    "[--json]",
		summary: "show the codebook as a tree, with how many excerpts and articles carry each tag",
		help:    "The counts are of each tag itself; what carries a sub-tag counts for the sub-tag.",
		setup: func(fs *flag.FlagSet) runFunc {
			asJSON := fs.Bool("json", false, "print the tags as a JSON array, in tree order, each with its path and depth")
			return func(ctx context.Context, e *env, args []string) error {
				if err := requireArgs(args); err != nil {
					return err
				}
				return withCodebook(ctx, e, func(_ *workspace.Workspace, book codebook) error {
					if *asJSON {
						return writeJSON(e.stdout, book.tags)
					}
					printCodebook(e, book)
					return nil
				})
			}
		},
	}
}

func printCodebook(e *env, book codebook) {
	if len(book.tags) == 0 {
		fmt.Fprintln(e.stdout, "the codebook is empty; add a tag with: dossier tags add NAME")
		return
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tTAG\tEXCERPTS\tARTICLES")
	for _, t := range book.tags {
		fmt.Fprintf(tw, "%d\t%s%s\t%d\t%d\n", t.ID, strings.Repeat("  ", t.Depth), t.Name, t.Excerpts, t.Articles)
	}
	tw.Flush()
}

// withCodebook opens the workspace, reads the codebook and runs fn.
func withCodebook(ctx context.Context, e *env, fn func(ws *workspace.Workspace, book codebook) error) error {
	return inWorkspace(e, func(ws *workspace.Workspace) error {
		book, err := loadCodebook(ctx, ws)
		if err != nil {
			return err
		}
		return fn(ws, book)
	})
}

// codeTag is a tag as the command line shows it: with its path from the
// top, its depth and its counts.
type codeTag struct {
	model.Tag
	Path     string `json:"path"`
	Depth    int    `json:"depth"`
	Excerpts int    `json:"excerpts"`
	Articles int    `json:"articles"`
}

// codebook is the whole tag tree, parents before their children, in
// which tags given on the command line are looked up.
type codebook struct {
	tags []codeTag
	byID map[int64]int // index in tags
}

// loadCodebook reads every tag, page by page.
func loadCodebook(ctx context.Context, ws *workspace.Workspace) (codebook, error) {
	book := codebook{byID: map[int64]int{}}
	for {
		page, total, err := ws.ListTags(ctx, model.TagFilter{Page: model.Page{Limit: model.MaxPageSize, Offset: len(book.tags)}})
		if err != nil {
			return book, err
		}
		for _, tc := range page {
			book.byID[tc.Tag.ID] = len(book.tags)
			book.tags = append(book.tags, codeTag{Tag: tc.Tag, Path: book.childPath(tc.Tag.ParentID, tc.Tag.Name),
				Depth: tc.Depth, Excerpts: tc.Excerpts, Articles: tc.Articles})
		}
		if len(page) == 0 || len(book.tags) >= total {
			return book, nil
		}
	}
}

// pathOf is the path of a tag from the top of the codebook.
func (b codebook) pathOf(id int64) string {
	if i, ok := b.byID[id]; ok {
		return b.tags[i].Path
	}
	return fmt.Sprint(id)
}

// childPath is the path of a tag named name under parent (0: the top).
func (b codebook) childPath(parent int64, name string) string {
	if parent == 0 {
		return name
	}
	return b.pathOf(parent) + "/" + name
}

func (b codebook) children(id int64) int {
	n := 0
	for _, t := range b.tags {
		if t.ParentID == id {
			n++
		}
	}
	return n
}

// find returns the tag that ref names: an id, a name only one tag has, or
// a path. Names and paths are compared ignoring case and spacing.
func (b codebook) find(ref string) (model.Tag, error) {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return model.Tag{}, usageErrorf("a blank tag was given; give a tag's id, name or path")
	}
	if id, ok := asID(ref); ok {
		if i, ok := b.byID[id]; ok {
			return b.tags[i].Tag, nil
		}
	}
	key := foldName(ref)
	var named []codeTag
	for _, t := range b.tags {
		if foldName(t.Name) == key {
			named = append(named, t)
		}
	}
	switch {
	case len(named) == 1:
		return named[0].Tag, nil
	case len(named) > 1:
		return model.Tag{}, ambiguousTag(ref, named)
	}
	if strings.Contains(ref, "/") {
		if t, ok := b.byPath(ref); ok {
			return t.Tag, nil
		}
	}
	return model.Tag{}, missingTag(ref)
}

func (b codebook) byPath(path string) (codeTag, bool) {
	want := foldPath(path)
	for _, t := range b.tags {
		if foldPath(t.Path) == want {
			return t, true
		}
	}
	return codeTag{}, false
}

// foldPath compares paths level by level, ignoring stray slashes and space.
func foldPath(path string) string {
	var parts []string
	for _, p := range strings.Split(path, "/") {
		if p = foldName(p); p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, "/")
}

func ambiguousTag(ref string, named []codeTag) error {
	paths := make([]string, len(named))
	for i, t := range named {
		paths[i] = fmt.Sprintf("%q", t.Path)
	}
	return withHint(model.Invalidf("the tag name %q matches %d tags: %s", ref, len(named), strings.Join(paths, ", ")),
		fmt.Sprintf("give the path of the one you mean, as in %q", named[0].Path))
}

// missingTag says that no tag is called ref and how to add it.
func missingTag(ref string) error {
	if _, ok := asID(ref); ok {
		return withHint(model.NotFoundf("tag %s does not exist", ref), "list the codebook with: dossier tags list")
	}
	add := "dossier tags add " + shellWord(ref)
	if strings.Contains(ref, "/") {
		add = "dossier tags add " + shellWord(lastSegment(ref)) + " --parent " + shellWord(parentPath(ref))
	}
	return withHint(model.NotFoundf("there is no tag %q in the codebook", ref), "add it with: "+add)
}

// shellWord quotes a word for a command line the analyst may copy.
func shellWord(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// quantity writes a count with its noun: "1 excerpt", "2 excerpts".
func quantity(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
