// Package extract reads the text of an article for the analyst.
//
// Matcher finds, in one pass, every actor and document the workspace knows
// under any of their aliases, with the rules analysts expect ("US" is not
// "us", "Witkoff’s" names Witkoff, "Zelenskýy" is "Zelenskyy", the longest
// name wins). Propose suggests what the workspace does not know yet: people
// and organisations, attributed quotations, document names and figures,
// each with the span it came from. Known ties the two together: the names a
// workspace holds, to match them and to tell new actors from variants of
// existing ones.
//
// Every position the package reports is a model.Span in Unicode code points
// over the body exactly as it was given. The package uses no network and no
// model files; its word lists describe English news copy in general.
package extract
