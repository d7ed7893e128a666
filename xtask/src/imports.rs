//! The app's module graph, from its source: which module of `src/` imports which (`use crate::…`,
//! `use super::…`, `use child::…` and inline `crate::a::b` paths). Its tests (run by
//! `cargo xtask test` with xtask's unit tests) keep `src/` free of import cycles and keep
//! `src/components/` from importing `src/pages/` (docs: "no import cycles").

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Module path (`pages::sales::orders`, "" for the crate root) → the modules it imports.
pub type Graph = BTreeMap<String, BTreeSet<String>>;

/// The graph of the app crate in `src_dir` (src/bin/* are separate crates and left out).
pub fn graph(src_dir: &Path) -> Result<Graph, String> {
    let mut files = Vec::new();
    collect(src_dir, src_dir, &mut files)?;
    let modules: BTreeSet<String> = files.iter().map(|(m, _)| m.clone()).collect();
    let mut graph = Graph::new();
    for (module, text) in &files {
        let edges = graph.entry(module.clone()).or_default();
        for path in imported_paths(&strip_comments(text)) {
            let absolute = match absolute(module, &path, &modules) {
                Some(a) => a,
                None => continue,
            };
            if let Some(target) = deepest_module(&absolute, &modules) {
                if target != *module && !module.starts_with(&format!("{target}::")) && !target.is_empty() {
                    edges.insert(target);
                }
            }
        }
    }
    Ok(graph)
}

fn collect(root: &Path, dir: &Path, out: &mut Vec<(String, String)>) -> Result<(), String> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("reading {}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for path in entries {
        let rel = path.strip_prefix(root).unwrap_or(&path);
        if rel.starts_with("bin") {
            continue;
        }
        if path.is_dir() {
            collect(root, &path, out)?;
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).map_err(|e| format!("reading {}: {e}", path.display()))?;
            out.push((module_of(rel), text));
        }
    }
    Ok(())
}

/// `pages/sales/mod.rs` → `pages::sales`, `api/client.rs` → `api::client`, `main.rs` → "".
fn module_of(rel: &Path) -> String {
    let mut parts: Vec<String> = rel.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    let last = parts.pop().unwrap_or_default();
    let stem = last.trim_end_matches(".rs");
    if !matches!(stem, "mod" | "main" | "lib") {
        parts.push(stem.to_string());
    }
    parts.join("::")
}

/// The source without comments and string literals (a URL in a string is not a path).
fn strip_comments(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i += 2;
                while i + 1 < bytes.len() && !(bytes[i] == b'*' && bytes[i + 1] == b'/') {
                    i += 1;
                }
                i += 2;
            }
            b'"' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                i += 1;
                out.push_str("\"\"");
            }
            // A char literal such as '"' or '{' (a lifetime `'a` has no closing quote nearby).
            b'\'' if bytes.get(i + 2) == Some(&b'\'') => {
                i += 3;
                out.push_str("' '");
            }
            b'\'' if bytes.get(i + 1) == Some(&b'\\') && bytes.get(i + 3) == Some(&b'\'') => {
                i += 4;
                out.push_str("' '");
            }
            _ => {
                let ch = text[i..].chars().next().unwrap_or(' ');
                out.push(ch);
                i += ch.len_utf8();
            }
        }
    }
    out
}

/// Every path a file imports, as segments: the trees of its `use` items, expanded, and the
/// inline `crate::…` paths elsewhere.
fn imported_paths(code: &str) -> Vec<Vec<String>> {
    let mut paths = Vec::new();
    let mut rest = code;
    while let Some(at) = find_word(rest, "use") {
        let after = &rest[at + 3..];
        let end = after.find(';').unwrap_or(after.len());
        expand_tree(after[..end].trim(), &mut Vec::new(), &mut paths);
        rest = &after[end..];
    }
    let mut rest = code;
    while let Some(at) = find_word(rest, "crate") {
        let after = &rest[at..];
        let len = after.find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':')).unwrap_or(after.len());
        let segs: Vec<String> = after[..len].split("::").filter(|s| !s.is_empty()).map(str::to_string).collect();
        if segs.len() > 1 {
            paths.push(segs);
        }
        rest = &after[len.max(5)..];
    }
    paths
}

/// The next `word` standing alone (not part of an identifier).
fn find_word(text: &str, word: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = text[from..].find(word) {
        let at = from + i;
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        let ident = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
        if !ident(before) && !ident(after) {
            return Some(at);
        }
        from = at + word.len();
    }
    None
}

/// `a::{b, c::{d, e as f}}` → `a::b`, `a::c::d`, `a::c::e`.
fn expand_tree(tree: &str, prefix: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    let tree = tree.trim();
    if let Some(open) = tree.find('{') {
        let head: Vec<String> =
            tree[..open].split("::").map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect();
        let inner = tree[open + 1..].rfind('}').map_or(&tree[open + 1..], |close| &tree[open + 1..open + 1 + close]);
        let depth = prefix.len();
        prefix.extend(head);
        for item in split_top_level(inner) {
            expand_tree(item, prefix, out);
        }
        prefix.truncate(depth);
    } else {
        let path = tree.split(" as ").next().unwrap_or("").trim();
        let mut segs = prefix.clone();
        segs.extend(path.split("::").map(str::trim).filter(|s| !s.is_empty() && *s != "*").map(str::to_string));
        if !segs.is_empty() {
            out.push(segs);
        }
    }
}

fn split_top_level(s: &str) -> Vec<&str> {
    let (mut parts, mut depth, mut start) = (Vec::new(), 0, 0);
    for (i, c) in s.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&s[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&s[start..]);
    parts.into_iter().filter(|p| !p.trim().is_empty()).collect()
}

/// A path as seen from `module`, made absolute (segments from the crate root); None for paths
/// into other crates.
fn absolute(module: &str, path: &[String], modules: &BTreeSet<String>) -> Option<Vec<String>> {
    let mut base: Vec<String> = module.split("::").filter(|s| !s.is_empty()).map(str::to_string).collect();
    let mut segs = path.iter().peekable();
    match segs.peek().map(|s| s.as_str()) {
        Some("crate") => {
            segs.next();
            base.clear();
        }
        Some("self") => {
            segs.next();
        }
        Some("super") => {
            while segs.peek().map(|s| s.as_str()) == Some("super") {
                segs.next();
                base.pop()?;
            }
        }
        Some(first) => {
            // A child module named without `self::` (2018 paths); anything else is another crate.
            let child = if base.is_empty() { first.to_string() } else { format!("{}::{first}", base.join("::")) };
            if !modules.contains(&child) {
                return None;
            }
        }
        None => return None,
    }
    base.extend(segs.cloned());
    Some(base)
}

/// The longest prefix of `path` that is a module of the crate.
fn deepest_module(path: &[String], modules: &BTreeSet<String>) -> Option<String> {
    (0..=path.len()).rev().map(|n| path[..n].join("::")).find(|m| modules.contains(m))
}

/// One cycle per strongly connected group of modules (each listed from a module back to it),
/// found by a depth-first search.
pub fn cycles(graph: &Graph) -> Vec<Vec<String>> {
    let mut found: Vec<Vec<String>> = Vec::new();
    let mut covered: BTreeSet<String> = BTreeSet::new();
    for start in graph.keys() {
        if covered.contains(start) {
            continue;
        }
        if let Some(cycle) = cycle_through(graph, start) {
            covered.extend(cycle.iter().cloned());
            found.push(cycle);
        }
    }
    found
}

/// The shortest cycle from `start` back to itself (breadth-first), if any.
fn cycle_through(graph: &Graph, start: &str) -> Option<Vec<String>> {
    let mut previous: BTreeMap<&str, &str> = BTreeMap::new();
    let mut queue = std::collections::VecDeque::from([start]);
    while let Some(m) = queue.pop_front() {
        for next in graph.get(m).into_iter().flatten() {
            if next == start {
                let mut path = vec![m.to_string()];
                let mut at = m;
                while at != start {
                    at = previous[at];
                    path.push(at.to_string());
                }
                path.reverse();
                path.push(start.to_string());
                return Some(path);
            }
            if !previous.contains_key(next.as_str()) && next != start {
                previous.insert(next, m);
                queue.push_back(next);
            }
        }
    }
    None
}

/// Imports from `components` (shared pieces) into `pages`.
pub fn components_importing_pages(graph: &Graph) -> Vec<(String, String)> {
    let under = |m: &str, area: &str| m == area || m.starts_with(&format!("{area}::"));
    graph
        .iter()
        .filter(|(m, _)| under(m, "components"))
        .flat_map(|(m, to)| to.iter().filter(|t| under(t, "pages")).map(move |t| (m.clone(), t.clone())))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Cycles that close through files other helpers of #11 are changing, each named by the
    /// edge that closes it (`from -> to`); remove a line once its cycle is gone. Anything not
    /// listed here fails.
    const KNOWN_CYCLES: &[&str] = &[];

    fn app_graph() -> Graph {
        graph(&crate::root().join("src")).unwrap()
    }

    #[test]
    fn the_app_has_no_import_cycles() {
        let graph = app_graph();
        let mut unknown = Vec::new();
        for cycle in cycles(&graph) {
            let closing = format!("{} -> {}", cycle[cycle.len() - 2], cycle[cycle.len() - 1]);
            let known = cycle.windows(2).any(|w| KNOWN_CYCLES.contains(&format!("{} -> {}", w[0], w[1]).as_str()));
            if !known {
                unknown.push(format!("{} (closed by {closing})", cycle.join(" -> ")));
            }
        }
        assert!(unknown.is_empty(), "import cycles in src/:\n  {}", unknown.join("\n  "));
    }

    #[test]
    fn no_component_imports_a_page() {
        assert_eq!(components_importing_pages(&app_graph()), Vec::<(String, String)>::new());
    }

    #[test]
    fn use_trees_and_inline_paths_are_read() {
        let code = strip_comments(
            "use crate::{a::b, c::{d, e as f}};\nuse super::g;\n// use crate::nope;\nfn x() { crate::h::i(\"crate::s\"); }",
        );
        let paths: Vec<String> = imported_paths(&code).iter().map(|p| p.join("::")).collect();
        assert_eq!(paths, ["crate::a::b", "crate::c::d", "crate::c::e", "super::g", "crate::h::i"]);
    }

    #[test]
    fn a_cycle_is_found_with_its_closing_edge() {
        let mut g = Graph::new();
        g.entry("a".into()).or_default().insert("b".into());
        g.entry("b".into()).or_default().insert("c".into());
        g.entry("c".into()).or_default().insert("a".into());
        g.entry("d".into()).or_default().insert("a".into());
        assert_eq!(cycles(&g), vec![vec!["a", "b", "c", "a"]]);
    }
}
