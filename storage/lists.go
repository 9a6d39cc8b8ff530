package storage

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"

	"dossier/model"
)

// Lists of actors and documents come back from spreadsheets. Each row is
// matched to what the workspace has — by UID, else by ID, else by name or
// alias — and planned as a creation, an update, no change, or a refusal
// with its reason. PlanLists only plans (a dry run); ApplyLists plans again
// inside one write transaction and applies everything, or nothing when any
// row is refused.
//
// A field that is nil in an entry is a column the list does not have: the
// workspace keeps what it has there. A present field is the cell: empty
// clears it (required fields, such as a kind, are kept instead). A list of
// aliases or parties, when present, becomes exactly the set the row gives.

// ActorListEntry is one row of a list of actors.
type ActorListEntry struct {
	Row         int    // in its sheet or file, for messages
	Problem     string // why the reader could not read the row, or ""
	ID          int64
	UID         string
	Name        string
	Kind        *string
	Role        *string
	Affiliation *string // an actor's name or alias, in the workspace or the list
	Country     *string
	Description *string
	Notes       *string
	Aliases     *[]string
}

// DocumentListEntry is one row of a list of documents.
type DocumentListEntry struct {
	Row         int
	Problem     string
	ID          int64
	UID         string
	Title       string
	Kind        *string
	Status      *string
	Disclosure  *string
	Description *string
	Notes       *string
	Aliases     *[]string
	Parties     *[]ListParty
}

// ListParty is a party as a list gives it.
type ListParty struct {
	Actor string // a name or alias, in the workspace or the list
	Role  string
}

// ListAction is what becomes of a row.
type ListAction string

// List actions.
const (
	ListCreate    ListAction = "create"
	ListUpdate    ListAction = "update"
	ListUnchanged ListAction = "unchanged"
	ListRefuse    ListAction = "refuse"
)

// ListOutcome is what becomes of one row, and why.
type ListOutcome struct {
	List   string     `json:"list"` // "actors" or "documents"
	Row    int        `json:"row"`
	Name   string     `json:"name"`
	Action ListAction `json:"action"`
	// ID is the actor or document the row updates, or the one it created
	// (0 in a dry run).
	ID     int64  `json:"id,omitempty"`
	Detail string `json:"detail,omitempty"` // the changes, or why refused
	// Names are the names and aliases the row adds, renames or removes:
	// the text to look for them in changes.
	Names []string `json:"names,omitempty"`
}

// PlanLists says row by row what ApplyLists would do, changing nothing.
func (db *DB) PlanLists(ctx context.Context, actors []ActorListEntry, docs []DocumentListEntry) ([]ListOutcome, error) {
	var out []ListOutcome
	err := db.view(ctx, "plan list import", func(tx *sql.Tx) error {
		p, err := planLists(ctx, tx, actors, docs)
		out = p.outcomes()
		return err
	})
	return out, err
}

// ApplyLists imports the lists in one transaction. If any row is refused,
// nothing is written and the error (of kind ErrInvalid) says how many;
// the outcomes say which and why.
func (db *DB) ApplyLists(ctx context.Context, actors []ActorListEntry, docs []DocumentListEntry) ([]ListOutcome, error) {
	var out []ListOutcome
	err := db.update(ctx, "import lists", func(tx *sql.Tx) error {
		p, err := planLists(ctx, tx, actors, docs)
		out = p.outcomes()
		if err != nil {
			return err
		}
		if n := p.refused(); n > 0 {
			return model.Invalidf("%d of the %d rows are refused (each with its reason); nothing was imported", n, len(out))
		}
		err = p.apply(db, tx, db.Now().UTC())
		out = p.outcomes()
		return err
	})
	return out, err
}

// rowPlan is what is planned for one row of either list.
type rowPlan struct {
	out      ListOutcome
	creating bool
	uid      string // of a creation
	changes  []string
	addAlias []string
	delAlias []model.Alias
}

func (r *rowPlan) refuse(format string, args ...any) {
	if r.out.Action != ListRefuse {
		r.out.Action, r.out.Detail = ListRefuse, fmt.Sprintf(format, args...)
	}
}

func (r *rowPlan) refused() bool { return r.out.Action == ListRefuse }

// rename sets a name or title, and notes both spellings as changed names.
func (r *rowPlan) rename(field, old, name string, dst *string) {
	if old == name {
		return
	}
	r.set(field, dst, &name)
	r.named(old, name)
}

// named notes names that change, for the search for them in the text.
func (r *rowPlan) named(names ...string) {
	for _, n := range names {
		if n != "" {
			r.out.Names = append(r.out.Names, n)
		}
	}
}

// change records a field that changes (a creation changes every field,
// which says nothing); long texts are not quoted.
func (r *rowPlan) change(field, from, to string) {
	if r.creating {
		return
	}
	if len(from) > 60 || len(to) > 60 || strings.Contains(from+to, "\n") {
		r.changes = append(r.changes, field+" changed")
		return
	}
	r.changes = append(r.changes, fmt.Sprintf("%s %q → %q", field, from, to))
}

// set changes *dst to *v when the list has the field.
func (r *rowPlan) set(field string, dst *string, v *string) {
	if v != nil && *dst != *v {
		r.change(field, *dst, *v)
		*dst = *v
	}
}

// actorRef is an actor of the workspace (id) or one the list creates.
type actorRef struct {
	id  int64
	row *actorPlan
}

func (a actorRef) same(b actorRef) bool { return a.id == b.id && a.row == b.row }

// actorID is the actor's id; a created actor has one once applied.
func (a actorRef) actorID() int64 {
	if a.row != nil {
		return a.row.next.ID
	}
	return a.id
}

type actorPlan struct {
	rowPlan
	e         ActorListEntry
	old, next model.Actor // old.ID is 0 for a creation
	aff       *actorRef   // the affiliation the row gives; nil: none or not given
}

type plannedParty struct {
	actor actorRef
	role  model.PartyRole
}

type docPlan struct {
	rowPlan
	e         DocumentListEntry
	old, next model.Document
	addParty  []plannedParty
	delParty  []int64
}

// listPlan plans a whole import against the workspace as it is.
type listPlan struct {
	ctx    context.Context
	q      querier
	ws     *listWorkspace
	actors []*actorPlan
	docs   []*docPlan
	// names finds actors by a name or alias, of the workspace or the list.
	names map[string][]actorRef
	// claimed says which row gives each alias key.
	claimed map[string]*rowPlan
}

func planLists(ctx context.Context, q querier, actors []ActorListEntry, docs []DocumentListEntry) (*listPlan, error) {
	p := &listPlan{ctx: ctx, q: q, names: map[string][]actorRef{}, claimed: map[string]*rowPlan{}}
	var err error
	if p.ws, err = loadListWorkspace(ctx, q); err != nil {
		return p, err
	}
	for _, e := range actors {
		p.actors = append(p.actors, p.planActor(e))
	}
	p.refuseTwice(actorRows(p.actors))
	p.indexNames()
	for _, a := range p.actors {
		p.planAffiliation(a)
		p.planAliases(&a.rowPlan, owner{actor: a.old.ID}, a.e.Aliases)
	}
	for _, e := range docs {
		d, err := p.planDocument(e)
		if err != nil {
			return p, err
		}
		p.docs = append(p.docs, d)
	}
	p.refuseTwice(docRows(p.docs))
	for _, d := range p.docs {
		p.planAliases(&d.rowPlan, owner{doc: d.old.ID}, d.e.Aliases)
		if err := p.planParties(d); err != nil {
			return p, err
		}
	}
	p.settle()
	return p, nil
}

// outcomes lists every row's outcome, actors first.
func (p *listPlan) outcomes() []ListOutcome {
	if p == nil {
		return nil
	}
	var out []ListOutcome
	for _, a := range p.actors {
		out = append(out, a.out)
	}
	for _, d := range p.docs {
		out = append(out, d.out)
	}
	return out
}

func (p *listPlan) refused() int {
	n := 0
	for _, o := range p.outcomes() {
		if o.Action == ListRefuse {
			n++
		}
	}
	return n
}

// settle names the action of every row not refused, with its changes.
func (p *listPlan) settle() {
	rows := append(actorRows(p.actors), docRows(p.docs)...)
	for _, r := range rows {
		switch {
		case r.refused():
		case r.out.Action == ListCreate:
			r.out.Detail = strings.Join(append([]string{r.out.Detail}, r.changes...), "; ")
		case len(r.changes) == 0:
			r.out.Action, r.out.Detail = ListUnchanged, "the workspace already has it as the list gives it"
		default:
			r.out.Action, r.out.Detail = ListUpdate, strings.Join(r.changes, "; ")
		}
	}
}

func actorRows(as []*actorPlan) []*rowPlan {
	out := make([]*rowPlan, len(as))
	for i, a := range as {
		out[i] = &a.rowPlan
	}
	return out
}

func docRows(ds []*docPlan) []*rowPlan {
	out := make([]*rowPlan, len(ds))
	for i, d := range ds {
		out[i] = &d.rowPlan
	}
	return out
}

// refuseTwice refuses every row of a list that means the same actor or
// document as another row: the same match, or the same name (or UID) to
// create. Which of them is right only the analyst knows.
func (p *listPlan) refuseTwice(rows []*rowPlan) {
	byTarget := map[string][]*rowPlan{}
	var order []string
	for _, r := range rows {
		if r.out.Name == "" {
			continue
		}
		key := r.target()
		if byTarget[key] == nil {
			order = append(order, key)
		}
		byTarget[key] = append(byTarget[key], r)
	}
	for _, key := range order {
		group := byTarget[key]
		if len(group) < 2 {
			continue
		}
		nums := make([]string, len(group))
		for i, r := range group {
			nums[i] = fmt.Sprint(r.out.Row)
		}
		for _, r := range group {
			r.refuse("the list gives %s more than once (rows %s); keep one row for it", r.label(), strings.Join(nums, ", "))
		}
	}
}

// target is what a row means: the match it found, or what it creates.
func (r *rowPlan) target() string {
	switch {
	case r.out.ID != 0:
		return fmt.Sprintf("%s id %d", r.out.List, r.out.ID)
	case r.uid != "":
		return r.out.List + " uid " + r.uid
	}
	return r.out.List + " new " + aliasKey(r.out.Name)
}

func (r *rowPlan) label() string {
	what := strings.TrimSuffix(r.out.List, "s")
	if r.out.ID != 0 {
		return fmt.Sprintf("%s %d %q", what, r.out.ID, r.out.Name)
	}
	return fmt.Sprintf("the %s %q", what, r.out.Name)
}

// match finds the row's actor or document: by UID (one from another
// workspace is not an error: the row is then matched by name), by ID (an
// ID the workspace lacks is an error: IDs belong to one workspace), else
// by name or alias. It returns 0 to create, and whether the name matched:
// a row matched by its name does not rename, one matched by UID or ID may.
func match(r *rowPlan, uid string, id int64, byUID map[string]int64, exists func(int64) bool, byKey map[string][]int64, name string) (int64, bool) {
	if uid != "" {
		if found, ok := byUID[uid]; ok {
			return found, false
		}
	} else if id != 0 {
		if exists(id) {
			return id, false
		}
		r.refuse("%s %d does not exist; leave the ID empty to add a new one", strings.TrimSuffix(r.out.List, "s"), id)
		return 0, false
	}
	ids := byKey[aliasKey(name)]
	switch len(ids) {
	case 0:
		return 0, false
	case 1:
		return ids[0], true
	}
	r.refuse("%d %s are named %q (IDs %s); give the ID of the one meant", len(ids), r.out.List, name, joinIDs(ids))
	return 0, false
}

func joinIDs(ids []int64) string {
	s := make([]string, len(ids))
	for i, id := range ids {
		s[i] = fmt.Sprint(id)
	}
	return strings.Join(s, ", ")
}

// checkUID accepts an empty UID or a UUID.
func checkUID(r *rowPlan, uid string) {
	if uid == "" {
		return
	}
	if _, err := uuid.Parse(uid); err != nil {
		r.refuse("the UID %q is not a UUID; leave it empty", uid)
	}
}

func (p *listPlan) planActor(e ActorListEntry) *actorPlan {
	a := &actorPlan{e: e}
	a.out = ListOutcome{List: "actors", Row: e.Row, Name: e.Name}
	if e.Problem != "" {
		a.refuse("%s", e.Problem)
		return a
	}
	exists := func(id int64) bool { _, ok := p.ws.actors[id]; return ok }
	id, byName := match(&a.rowPlan, e.UID, e.ID, p.ws.actorUID, exists, p.ws.actorKeys, e.Name)
	if a.refused() {
		return a
	}
	a.old, a.out.ID = p.ws.actors[id], id
	a.next = a.old
	if id == 0 {
		a.out.Action, a.next.UID, a.creating, a.uid = ListCreate, e.UID, true, e.UID
		checkUID(&a.rowPlan, e.UID)
	}
	if !byName {
		a.rename("name", a.old.Name, e.Name, &a.next.Name)
	}
	a.setKind(e.Kind)
	a.set("role", &a.next.Role, e.Role)
	a.set("country", &a.next.Country, e.Country)
	a.set("description", &a.next.Description, e.Description)
	a.set("notes", &a.next.Notes, e.Notes)
	if err := a.next.Validate(); err != nil {
		a.refuse("%v", err)
	}
	if a.out.Action == ListCreate && !a.refused() {
		a.out.Detail = "a new " + string(a.next.Kind)
	}
	return a
}

func (a *actorPlan) setKind(v *string) {
	if v == nil || strings.TrimSpace(*v) == "" {
		if a.old.ID == 0 {
			a.refuse("the kind is empty; use one of: %s", strings.Join(wordList(model.ActorKinds()), ", "))
		}
		return
	}
	k, err := model.ParseActorKind(*v)
	if err != nil {
		a.refuse("%v", err)
		return
	}
	if k != a.next.Kind {
		a.change("kind", string(a.next.Kind), string(k))
		a.next.Kind = k
	}
}

func wordList[T ~string](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}

// indexNames lets affiliations and parties name an actor of the workspace
// or of the list, by name or alias.
func (p *listPlan) indexNames() {
	for key, ids := range p.ws.actorKeys {
		for _, id := range ids {
			p.addName(key, actorRef{id: id})
		}
	}
	for _, a := range p.actors {
		if a.refused() {
			continue
		}
		ref := actorRef{id: a.old.ID}
		if a.old.ID == 0 {
			ref = actorRef{row: a}
		}
		p.addName(aliasKey(a.next.Name), ref)
		if a.e.Aliases != nil {
			for _, name := range *a.e.Aliases {
				p.addName(aliasKey(name), ref)
			}
		}
	}
}

func (p *listPlan) addName(key string, ref actorRef) {
	for _, r := range p.names[key] {
		if r.same(ref) {
			return
		}
	}
	p.names[key] = append(p.names[key], ref)
}

// findActor finds the one actor a name means, or says why not.
func (p *listPlan) findActor(name, what string) (actorRef, string) {
	refs := p.names[aliasKey(name)]
	switch len(refs) {
	case 1:
		return refs[0], ""
	case 0:
		return actorRef{}, fmt.Sprintf("the %s %q is not an actor of the workspace or of the list", what, name)
	}
	return actorRef{}, fmt.Sprintf("the %s %q could be any of %d actors; use a name or alias only one of them has", what, name, len(refs))
}

func (p *listPlan) planAffiliation(a *actorPlan) {
	if a.refused() || a.e.Affiliation == nil {
		return
	}
	name := *a.e.Affiliation
	if name == "" {
		if a.old.AffiliationID != 0 {
			a.change("affiliation", p.ws.actors[a.old.AffiliationID].Name, "")
		}
		return
	}
	ref, problem := p.findActor(name, "affiliation")
	switch {
	case problem != "":
		a.refuse("%s", problem)
	case ref.row == a || (ref.id != 0 && ref.id == a.old.ID):
		a.refuse("actor %q cannot be affiliated with itself", a.next.Name)
	default:
		a.aff = &ref
		if ref.row != nil || ref.id != a.old.AffiliationID {
			a.change("affiliation", p.ws.actors[a.old.AffiliationID].Name, name)
		}
	}
}

// owner is the actor or the document an alias belongs to (0 for one the
// list creates).
type owner struct{ actor, doc int64 }

// planAliases makes the row's aliases exactly those the list gives.
func (p *listPlan) planAliases(r *rowPlan, o owner, given *[]string) {
	if r.refused() || given == nil {
		return
	}
	want := map[string]bool{}
	for _, name := range *given {
		key := aliasKey(name)
		if want[key] {
			continue
		}
		want[key] = true
		if other := p.claimed[key]; other != nil && other != r {
			r.refuse("the alias %q is also given on row %d of the %s", name, other.out.Row, other.out.List)
			return
		}
		p.claimed[key] = r
		if err := (model.Alias{Name: name, ActorID: 1}).Validate(); err != nil {
			r.refuse("%v", err)
			return
		}
		held, ok := p.ws.aliases[key]
		switch {
		case ok && (o.actor != 0 || o.doc != 0) && held.ActorID == o.actor && held.DocumentID == o.doc:
			if held.Name != name { // the same alias, spelled anew
				r.delAlias, r.addAlias = append(r.delAlias, held), append(r.addAlias, name)
				r.change("alias", held.Name, name)
				r.named(held.Name, name)
			}
		case ok:
			r.refuse("the alias %q already belongs to %s; remove it there first", name, p.ws.ownerLabel(held))
			return
		default:
			r.addAlias = append(r.addAlias, name)
			r.changes = append(r.changes, fmt.Sprintf("alias %q added", name))
			r.named(name)
		}
	}
	for _, a := range p.ws.owned[o] {
		if !want[aliasKey(a.Name)] && (o.actor != 0 || o.doc != 0) {
			r.delAlias = append(r.delAlias, a)
			r.changes = append(r.changes, fmt.Sprintf("alias %q removed", a.Name))
			r.named(a.Name)
		}
	}
}

func (p *listPlan) planDocument(e DocumentListEntry) (*docPlan, error) {
	d := &docPlan{e: e}
	d.out = ListOutcome{List: "documents", Row: e.Row, Name: e.Title}
	if e.Problem != "" {
		d.refuse("%s", e.Problem)
		return d, nil
	}
	exists := func(id int64) bool { _, ok := p.ws.docs[id]; return ok }
	id, byName := match(&d.rowPlan, e.UID, e.ID, p.ws.docUID, exists, p.ws.docKeys, e.Title)
	if d.refused() {
		return d, nil
	}
	d.old, d.out.ID = p.ws.docs[id], id
	d.next = d.old
	if id == 0 {
		d.out.Action, d.next.UID, d.creating, d.uid = ListCreate, e.UID, true, e.UID
		d.next.Disclosure = model.DisclosurePublic
		checkUID(&d.rowPlan, e.UID)
	}
	if !byName {
		d.rename("title", d.old.Title, e.Title, &d.next.Title)
	}
	setEnum(&d.rowPlan, "kind", &d.next.Kind, e.Kind, model.ParseDocumentKind, id == 0, model.DocumentKinds())
	setEnum(&d.rowPlan, "status", &d.next.Status, e.Status, model.ParseDocumentStatus, id == 0, model.DocumentStatuses())
	setEnum(&d.rowPlan, "disclosure", &d.next.Disclosure, e.Disclosure, model.ParseDisclosure, false, model.Disclosures())
	d.set("description", &d.next.Description, e.Description)
	d.set("notes", &d.next.Notes, e.Notes)
	if err := d.next.Validate(); err != nil {
		d.refuse("%v", err)
	}
	if err := d.checkHistory(p); err != nil {
		return d, err
	}
	if d.out.Action == ListCreate && !d.refused() {
		d.out.Detail = "a new " + string(d.next.Kind)
	}
	return d, nil
}

// setEnum sets a field of a closed set of words from the list's cell.
func setEnum[T ~string](r *rowPlan, field string, dst *T, v *string, parse func(string) (T, error), required bool, all []T) {
	if v == nil || strings.TrimSpace(*v) == "" {
		if required {
			r.refuse("the %s is empty; use one of: %s", field, strings.Join(wordList(all), ", "))
		}
		return
	}
	val, err := parse(*v)
	if err != nil {
		r.refuse("%v", err)
		return
	}
	if val != *dst {
		r.change(field, string(*dst), string(val))
		*dst = val
	}
}

// checkHistory keeps the status of a document that has a status history:
// its latest event sets it, so a list cannot.
func (d *docPlan) checkHistory(p *listPlan) error {
	if d.refused() || d.old.ID == 0 || d.next.Status == d.old.Status {
		return nil
	}
	var n int
	if err := p.q.QueryRowContext(p.ctx, "SELECT count(*) FROM status_events WHERE document_id = ?", d.old.ID).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		d.refuse("its status is %q, set by its status history; add a status event to change it, or leave the status as it is", d.old.Status)
	}
	return nil
}

// planParties makes the document's parties exactly those the list gives.
func (p *listPlan) planParties(d *docPlan) error {
	if d.refused() || d.e.Parties == nil {
		return nil
	}
	var want []plannedParty
	for _, lp := range *d.e.Parties {
		if strings.TrimSpace(lp.Role) == "" {
			d.refuse("the party %q has no role; write it as Name (role), the role one of: %s", lp.Actor,
				strings.Join(wordList(model.PartyRoles()), ", "))
			return nil
		}
		role, err := model.ParsePartyRole(lp.Role)
		if err != nil {
			d.refuse("party %q: %v", lp.Actor, err)
			return nil
		}
		ref, problem := p.findActor(lp.Actor, "party")
		if problem != "" {
			d.refuse("%s", problem)
			return nil
		}
		if !hasParty(want, ref, role) {
			want = append(want, plannedParty{ref, role})
		}
	}
	current, err := p.currentParties(d.old.ID)
	if err != nil {
		return err
	}
	for _, c := range current {
		if !hasParty(want, actorRef{id: c.ActorID}, c.Role) {
			d.delParty = append(d.delParty, c.ID)
			d.changes = append(d.changes, fmt.Sprintf("party %q (%s) removed", p.ws.actors[c.ActorID].Name, c.Role))
		}
	}
	for _, w := range want {
		if !hasCurrent(current, w) {
			d.addParty = append(d.addParty, w)
			d.changes = append(d.changes, fmt.Sprintf("party %q (%s) added", p.refName(w.actor), w.role))
		}
	}
	return nil
}

func hasParty(list []plannedParty, ref actorRef, role model.PartyRole) bool {
	for _, w := range list {
		if w.actor.same(ref) && w.role == role {
			return true
		}
	}
	return false
}

func hasCurrent(current []model.Party, w plannedParty) bool {
	for _, c := range current {
		if w.actor.row == nil && c.ActorID == w.actor.id && c.Role == w.role {
			return true
		}
	}
	return false
}

func (p *listPlan) refName(ref actorRef) string {
	if ref.row != nil {
		return ref.row.next.Name
	}
	return p.ws.actors[ref.id].Name
}

func (p *listPlan) currentParties(doc int64) ([]model.Party, error) {
	if doc == 0 {
		return nil, nil
	}
	rows, err := p.q.QueryContext(p.ctx, "SELECT "+partyColumns+" FROM parties WHERE parties.document_id = ? ORDER BY parties.id", doc)
	if err != nil {
		return nil, err
	}
	return collect(rows, scanParty)
}

// apply writes the plan, in the transaction it was made in.
func (p *listPlan) apply(db *DB, tx *sql.Tx, now time.Time) error {
	for _, a := range p.actors {
		if err := p.applyActor(db, tx, a, now); err != nil {
			return fmt.Errorf("row %d of the actors: %w", a.out.Row, err)
		}
	}
	for _, a := range p.actors { // affiliations may name actors created later in the list
		if err := applyAffiliation(p.ctx, tx, a, now); err != nil {
			return fmt.Errorf("row %d of the actors: %w", a.out.Row, err)
		}
	}
	for _, d := range p.docs {
		if err := p.applyDocument(db, tx, d, now); err != nil {
			return fmt.Errorf("row %d of the documents: %w", d.out.Row, err)
		}
	}
	return nil
}

func (p *listPlan) applyActor(db *DB, tx *sql.Tx, a *actorPlan, now time.Time) error {
	switch a.out.Action {
	case ListCreate:
		a.next.AffiliationID = 0
		if err := db.insertActor(p.ctx, tx, &a.next); err != nil {
			return err
		}
		a.out.ID = a.next.ID
	case ListUpdate:
		a.next.UpdatedAt = now
		if err := writeActor(p.ctx, tx, a.next); err != nil {
			return err
		}
	default:
		return nil
	}
	return p.applyAliases(db, tx, &a.rowPlan, model.Alias{ActorID: a.next.ID})
}

func applyAffiliation(ctx context.Context, tx *sql.Tx, a *actorPlan, now time.Time) error {
	if a.refused() || a.e.Affiliation == nil {
		return nil
	}
	var aff int64
	if a.aff != nil {
		aff = a.aff.actorID()
	}
	if aff == a.old.AffiliationID && a.old.ID != 0 {
		return nil
	}
	_, err := tx.ExecContext(ctx, "UPDATE actors SET affiliation_id = ?, updated_at = ? WHERE id = ?", nullID(aff), timeText(now), a.next.ID)
	return err
}

// applyAliases removes, then adds, so that an alias spelled anew keeps
// its key.
func (p *listPlan) applyAliases(db *DB, tx *sql.Tx, r *rowPlan, o model.Alias) error {
	for _, a := range r.delAlias {
		if _, err := tx.ExecContext(p.ctx, "DELETE FROM aliases WHERE id = ?", a.ID); err != nil {
			return err
		}
	}
	for _, name := range r.addAlias {
		a := o
		a.Name = strings.TrimSpace(name)
		if err := db.insertAlias(p.ctx, tx, &a); err != nil {
			return err
		}
	}
	return nil
}

func (p *listPlan) applyDocument(db *DB, tx *sql.Tx, d *docPlan, now time.Time) error {
	switch d.out.Action {
	case ListCreate:
		if err := db.insertDocument(p.ctx, tx, &d.next); err != nil {
			return err
		}
		d.out.ID = d.next.ID
	case ListUpdate:
		d.next.UpdatedAt = now
		if err := writeDocument(p.ctx, tx, d.next); err != nil {
			return err
		}
	default:
		return nil
	}
	if err := p.applyAliases(db, tx, &d.rowPlan, model.Alias{DocumentID: d.next.ID}); err != nil {
		return err
	}
	for _, id := range d.delParty {
		if _, err := tx.ExecContext(p.ctx, "DELETE FROM parties WHERE id = ?", id); err != nil {
			return err
		}
	}
	for _, w := range d.addParty {
		party := model.Party{DocumentID: d.next.ID, ActorID: w.actor.actorID(), Role: w.role}
		if err := db.insertParty(p.ctx, tx, &party); err != nil {
			return err
		}
	}
	return nil
}

// listWorkspace is what planning needs of the workspace: every actor,
// document and alias, by id, UID and folded name.
type listWorkspace struct {
	actors    map[int64]model.Actor
	actorUID  map[string]int64
	actorKeys map[string][]int64 // name and alias keys
	docs      map[int64]model.Document
	docUID    map[string]int64
	docKeys   map[string][]int64
	aliases   map[string]model.Alias // by key
	owned     map[owner][]model.Alias
}

func loadListWorkspace(ctx context.Context, q querier) (*listWorkspace, error) {
	ws := &listWorkspace{actors: map[int64]model.Actor{}, actorUID: map[string]int64{}, actorKeys: map[string][]int64{},
		docs: map[int64]model.Document{}, docUID: map[string]int64{}, docKeys: map[string][]int64{},
		aliases: map[string]model.Alias{}, owned: map[owner][]model.Alias{}}
	rows, err := q.QueryContext(ctx, "SELECT "+actorColumns+" FROM actors ORDER BY id")
	if err != nil {
		return nil, err
	}
	actors, err := collect(rows, scanActor)
	if err != nil {
		return nil, err
	}
	for _, a := range actors {
		ws.actors[a.ID], ws.actorUID[a.UID] = a, a.ID
		ws.actorKeys[aliasKey(a.Name)] = appendOnce(ws.actorKeys[aliasKey(a.Name)], a.ID)
	}
	if rows, err = q.QueryContext(ctx, "SELECT "+documentColumns+" FROM documents ORDER BY id"); err != nil {
		return nil, err
	}
	docs, err := collect(rows, scanDocument)
	if err != nil {
		return nil, err
	}
	for _, d := range docs {
		ws.docs[d.ID], ws.docUID[d.UID] = d, d.ID
		ws.docKeys[aliasKey(d.Title)] = appendOnce(ws.docKeys[aliasKey(d.Title)], d.ID)
	}
	return ws, ws.loadAliases(ctx, q)
}

func (ws *listWorkspace) loadAliases(ctx context.Context, q querier) error {
	rows, err := q.QueryContext(ctx, "SELECT "+aliasColumns+" FROM aliases ORDER BY id")
	if err != nil {
		return err
	}
	aliases, err := collect(rows, scanAlias)
	if err != nil {
		return err
	}
	for _, a := range aliases {
		key := aliasKey(a.Name)
		ws.aliases[key] = a
		o := owner{actor: a.ActorID, doc: a.DocumentID}
		ws.owned[o] = append(ws.owned[o], a)
		if a.ActorID != 0 {
			ws.actorKeys[key] = appendOnce(ws.actorKeys[key], a.ActorID)
		} else {
			ws.docKeys[key] = appendOnce(ws.docKeys[key], a.DocumentID)
		}
	}
	return nil
}

func appendOnce(ids []int64, id int64) []int64 {
	for _, x := range ids {
		if x == id {
			return ids
		}
	}
	return append(ids, id)
}

// ownerLabel names an alias's owner: `actor 3 "Steve Witkoff"`.
func (ws *listWorkspace) ownerLabel(a model.Alias) string {
	if a.ActorID != 0 {
		return fmt.Sprintf("actor %d %q", a.ActorID, ws.actors[a.ActorID].Name)
	}
	return fmt.Sprintf("document %d %q", a.DocumentID, ws.docs[a.DocumentID].Title)
}
