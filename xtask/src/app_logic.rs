//! Native unit tests of the app's pure logic. The app crate itself builds natively only with
//! all of Leptos (about 4 minutes cold here), so its leptos-free modules are compiled into
//! xtask's tests as they are (`#[path]`), at no extra build cost. (The registry's own rules —
//! every path has one page, nav test ids are unique — are compile-time assertions in
//! src/pages/registry.rs, checked by every build and clippy run.)

#[allow(dead_code)]
#[path = "../../src/routes/links.rs"]
mod links;

use links::{app_path_at, href_at, safe_next};

#[test]
fn href_and_app_path_round_trip_under_any_base() {
    for base in ["", "/partner-center", "/a/b"] {
        for path in ["/", "/sales/customers", "/sales/customers/42?tab=x"] {
            assert_eq!(app_path_at(base, &href_at(base, path)), path, "base {base:?}");
        }
        assert_eq!(app_path_at(base, base), "/", "the bare base is the home");
    }
    assert_eq!(href_at("/partner-center", "/sales/orders"), "/partner-center/sales/orders");
    // A path outside the base is left alone (not cut at a shared prefix).
    assert_eq!(app_path_at("/partner-center", "/partner-centerx/y"), "/partner-centerx/y");
}

#[test]
fn safe_next_only_follows_same_origin_paths() {
    assert_eq!(safe_next(Some("/sales/orders?page=2".into())), "/sales/orders?page=2");
    for bad in ["https://evil.example", "//evil.example", "/\\evil.example", "sales", "/signin?next=/x", ""] {
        assert_eq!(safe_next(Some(bad.into())), "/", "{bad}");
    }
    assert_eq!(safe_next(None), "/");
}

#[test]
fn every_text_has_both_languages() {
    use crate::i18n::{Locale, AREAS};
    for (name, msg) in AREAS.iter().flat_map(|a| a.iter()) {
        assert!(!msg.text(Locale::ZhCn).trim().is_empty(), "{name} has no zh-CN text");
        assert!(!msg.text(Locale::En).trim().is_empty(), "{name} has no English text");
    }
}
