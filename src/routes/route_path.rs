//! A route's path as the registry writes it (`"/sales/customers/:id"`), matched at run time the
//! way Leptos' `path!` segments are (static, `:param`, `*rest`), so the routes come from the
//! registry's plain strings and need no macro per route.

use leptos_router::{ParamSegment, PartialPathMatch, PathSegment, PossibleRouteMatch, StaticSegment, WildcardSegment};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RoutePath(pub &'static str);

fn segments(path: &'static str) -> impl Iterator<Item = &'static str> {
    path.split('/').filter(|s| !s.is_empty())
}

impl PossibleRouteMatch for RoutePath {
    fn optional(&self) -> bool {
        false
    }

    fn test<'a>(&self, path: &'a str) -> Option<PartialPathMatch<'a>> {
        let mut remaining = path;
        let mut matched_len = 0;
        let mut params = Vec::new();
        let mut any = false;
        for seg in segments(self.0) {
            any = true;
            let m = if let Some(name) = seg.strip_prefix(':') {
                ParamSegment(name).test(remaining)?
            } else if let Some(name) = seg.strip_prefix('*') {
                WildcardSegment(name).test(remaining)?
            } else {
                StaticSegment(seg).test(remaining)?
            };
            matched_len += m.matched().len();
            remaining = m.remaining();
            params.extend(m.params());
        }
        if !any {
            // The empty route (the home inside the frame), as `path!("")`.
            return StaticSegment("").test(path);
        }
        Some(PartialPathMatch::new(remaining, params, &path[..matched_len]))
    }

    fn generate_path(&self, path: &mut Vec<PathSegment>) {
        let mut any = false;
        for seg in segments(self.0) {
            any = true;
            path.push(if let Some(name) = seg.strip_prefix(':') {
                PathSegment::Param(name.into())
            } else if let Some(name) = seg.strip_prefix('*') {
                PathSegment::Splat(name.into())
            } else {
                PathSegment::Static(seg.into())
            });
        }
        if !any {
            StaticSegment("").generate_path(path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (matched, remaining, params)
    type Match = (String, String, Vec<(String, String)>);

    fn check(route: &'static str, path: &str) -> Option<Match> {
        RoutePath(route).test(path).map(|m| {
            let (matched, remaining) = (m.matched().to_string(), m.remaining().to_string());
            (matched, remaining, m.params().into_iter().map(|(k, v)| (k.into_owned(), v)).collect())
        })
    }

    #[test]
    fn matches_like_the_path_macro() {
        assert_eq!(check("/sales/customers", "/sales/customers"), Some(("/sales/customers".into(), "".into(), vec![])));
        assert_eq!(
            check("/sales/customers/:id", "/sales/customers/42"),
            Some(("/sales/customers/42".into(), "".into(), vec![("id".into(), "42".into())]))
        );
        assert_eq!(check("/sales/customers", "/sales/orders"), None);
        assert_eq!(check("/sales/customers", "/sales/customers/42").map(|m| m.1), Some("/42".into()));
        assert_eq!(check("/*any", "/a/b/c").map(|m| m.2), Some(vec![("any".into(), "a/b/c".into())]));
        // The same answers as the macro's tuples.
        let by_macro = (StaticSegment("sales"), StaticSegment("orders"), ParamSegment("id")).test("/sales/orders/7");
        let by_string = RoutePath("/sales/orders/:id").test("/sales/orders/7");
        assert_eq!(by_macro.map(|m| m.matched().to_string()), by_string.map(|m| m.matched().to_string()));
    }
}
