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

/// Every text, plain and template, with its name.
fn all_texts() -> impl Iterator<Item = &'static (&'static str, crate::i18n::Msg)> {
    use crate::i18n::{AREAS, TEMPLATES};
    AREAS.iter().chain(TEMPLATES).flat_map(|a| a.iter())
}

fn has_placeholder(s: &str) -> bool {
    s.split('{').skip(1).any(|rest| {
        rest.split_once('}')
            .is_some_and(|(name, _)| !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
    })
}

#[test]
fn every_text_has_both_languages() {
    use crate::i18n::Locale;
    for (name, msg) in all_texts() {
        assert!(!msg.text(Locale::ZhCn).trim().is_empty(), "{name} has no zh-CN text");
        assert!(!msg.text(Locale::En).trim().is_empty(), "{name} has no English text");
    }
}

#[test]
fn no_text_is_declared_twice() {
    use crate::i18n::Locale;
    let mut seen = std::collections::HashMap::new();
    for (name, msg) in all_texts() {
        if let Some(first) = seen.insert((msg.text(Locale::ZhCn), msg.text(Locale::En)), *name) {
            panic!("{first} and {name} are the same text: use one of them");
        }
    }
}

#[test]
fn plain_texts_have_no_placeholders() {
    use crate::i18n::{Locale, AREAS, TEMPLATES};
    for (name, msg) in AREAS.iter().flat_map(|a| a.iter()) {
        for l in [Locale::ZhCn, Locale::En] {
            assert!(!has_placeholder(msg.text(l)), "{name} has a placeholder: declare it with templates!");
        }
    }
    // The checker itself sees the templates' placeholders.
    assert!(TEMPLATES.iter().flat_map(|a| a.iter()).all(|(_, m)| has_placeholder(m.text(Locale::En))));
}

#[test]
fn templates_fill_their_values_and_english_singulars() {
    use crate::i18n::{Locale, QtTotal, TableTotal, VoProgressText};
    assert_eq!(QtTotal::of(Locale::En, &"1"), "1 quota");
    assert_eq!(QtTotal::of(Locale::En, &"1,200"), "1,200 quotas");
    assert_eq!(QtTotal::of(Locale::ZhCn, &1), "共 1 个额度");
    assert_eq!(TableTotal { n: &0 }.text(Locale::En), "0 rows");
    let p = VoProgressText { done: &3, total: &5, issued: &2, failed: &1 };
    assert_eq!(p.text(Locale::En), "3 of 5 done: 2 issued, 1 failed");
}

#[test]
fn every_error_code_is_explained_once_in_both_languages() {
    use crate::i18n::{error_text, Locale};
    let known = crate::i18n::ERROR_TEXTS;
    let mut seen = std::collections::HashSet::new();
    for (code, zh, en) in known {
        assert!(seen.insert(*code), "{code} is explained twice");
        assert!(!zh.trim().is_empty() && !en.trim().is_empty(), "{code}");
        assert_eq!(error_text(code, Locale::En), Some(*en));
    }
    assert_eq!(error_text(partner_api::codes::NOT_WHITELISTED, Locale::ZhCn), Some("客户不在客户白名单中"));
    assert_eq!(error_text("CBC.NOPE", Locale::En), None);
}

#[test]
fn the_first_visit_opens_in_the_browsers_language_and_a_choice_wins() {
    use crate::i18n::Locale;
    let none: &[&str] = &[];
    // An English browser on a deployment whose default is zh-CN opens in English.
    assert_eq!(Locale::initial(None, &["en-US", "en"], Some("zh-CN")), Locale::En);
    assert_eq!(Locale::initial(None, &["zh-CN"], Some("en")), Locale::ZhCn);
    // The first language we have, in the browser's order.
    assert_eq!(Locale::initial(None, &["fr-FR", "de", "en-GB", "zh"], Some("zh-CN")), Locale::En);
    // A stored choice wins over both.
    assert_eq!(Locale::initial(Some("zh-CN"), &["en-US"], Some("en")), Locale::ZhCn);
    assert_eq!(Locale::initial(Some("en"), &["zh-CN"], Some("zh-CN")), Locale::En);
    // A stored value we do not know is no choice.
    assert_eq!(Locale::initial(Some("xx"), &["en-US"], Some("zh-CN")), Locale::En);
    // No browser language we have: the deployment's default, then zh-CN.
    assert_eq!(Locale::initial(None, &["fr-FR"], Some("en")), Locale::En);
    assert_eq!(Locale::initial(None, none, None), Locale::ZhCn);
}
