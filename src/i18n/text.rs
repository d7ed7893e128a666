//! The shape of every label: a [`Msg`] holds both texts side by side, so a missing
//! translation is a compile error rather than an empty label.
//!
//! Texts are declared by area (one file each under `src/i18n/`) with [`texts!`], which adds
//! associated constants to `Msg` — so a label is always written `Msg::Name` wherever it is
//! declared, and the same name declared in two areas does not compile.
//!
//! Texts with values in them are declared with [`templates!`]: each is a struct with one
//! field per placeholder, and `format!` checks at compile time that every placeholder has a
//! field and every field a placeholder, in both languages. A `Msg` never holds a placeholder
//! (xtask's catalog tests check it), so nothing is ever filled in by `replace`.
//!
//! A component that shows a count in a page's words (the table's total, the reclaim dialog's
//! "skipped" line) takes a [`CountText`]: a plain `fn`, which a one-value template provides
//! as `Name::of` — `.total(QtTotal::of)`. It is `Copy` like a `Msg`, and the template's
//! placeholders stay checked.
//!
//! English plurals: a template may add the singular after `one <field>:`, used when that
//! value displays as `1` (`"{n} quotas", one n: "{n} quota"`). zh-CN has no plural.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Locale {
    ZhCn,
    En,
}

impl Locale {
    pub fn tag(self) -> &'static str {
        match self {
            Locale::ZhCn => "zh-CN",
            Locale::En => "en",
        }
    }

    pub fn parse(s: &str) -> Option<Locale> {
        let s = s.to_ascii_lowercase();
        if s.starts_with("zh") {
            Some(Locale::ZhCn)
        } else if s.starts_with("en") {
            Some(Locale::En)
        } else {
            None
        }
    }

    /// The language the app opens in. A choice the person made (stored) wins; else the
    /// browser's preferred languages (`navigator.languages`, in order: the first one we have);
    /// else the deployment's default (`config.json` `default_locale`); else zh-CN.
    pub fn initial<S: AsRef<str>>(saved: Option<&str>, browser: &[S], default: Option<&str>) -> Locale {
        saved
            .and_then(Locale::parse)
            .or_else(|| browser.iter().find_map(|l| Locale::parse(l.as_ref())))
            .or_else(|| default.and_then(Locale::parse))
            .unwrap_or(Locale::ZhCn)
    }

    /// `X-Language` header value for APIs that localise names.
    pub fn api_language(self) -> &'static str {
        match self {
            Locale::ZhCn => "zh_CN",
            Locale::En => "en_US",
        }
    }
}

/// A text showing one count, in the words of whoever passes it: see the module doc.
pub type CountText = fn(Locale, &dyn std::fmt::Display) -> String;

/// Whether a count is one, for English plurals: the value as displayed, so `format::count`'s
/// output works as well as a number.
pub fn is_one(n: &dyn std::fmt::Display) -> bool {
    n.to_string() == "1"
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Msg {
    zh: &'static str,
    en: &'static str,
}

impl Msg {
    pub const fn new(zh: &'static str, en: &'static str) -> Msg {
        Msg { zh, en }
    }

    pub fn text(self, locale: Locale) -> &'static str {
        match locale {
            Locale::ZhCn => self.zh,
            Locale::En => self.en,
        }
    }
}

/// `texts! { AREA; Name => "中文", "English"; … }` adds `Msg::Name` for each line and
/// `AREA`, the area's list of (name, text), which the duplicate check reads.
#[macro_export]
macro_rules! texts {
    ($area:ident; $($key:ident => $zh:literal, $en:literal;)*) => {
        #[allow(non_upper_case_globals)]
        impl $crate::i18n::Msg {
            $(pub const $key: $crate::i18n::Msg = $crate::i18n::Msg::new($zh, $en);)*
        }

        #[allow(dead_code)]
        pub const $area: &[(&str, $crate::i18n::Msg)] = &[$((stringify!($key), $crate::i18n::Msg::new($zh, $en))),*];
    };
}

/// `templates! { AREA; Name { a, b } => "… {a} … {b}", "… {a} … {b}"; … }` declares
/// `pub struct Name<'a> { pub a: &'a dyn Display, pub b: &'a dyn Display }` with
/// `text(locale) -> String`. Call sites name each value: `Name { a: &x, b: &y }.text(l)`.
/// A template with one value also has `Name::of`, a [`CountText`]. After the English text,
/// `one a: "…"` gives the English singular, used when `a` displays as `1`. `AREA` (optional)
/// lists the texts for the catalog checks.
#[macro_export]
macro_rules! templates {
    ($area:ident; $($name:ident { $($arg:ident),+ } => $zh:literal, $en:literal $(, one $count:ident: $one:literal)?;)*) => {
        $crate::templates! { $($name { $($arg),+ } => $zh, $en $(, one $count: $one)?;)* }

        #[allow(dead_code)]
        pub const $area: &[(&str, $crate::i18n::Msg)] = &[$((stringify!($name), $crate::i18n::Msg::new($zh, $en))),*];
    };
    ($($name:ident { $($arg:ident),+ } => $zh:literal, $en:literal $(, one $count:ident: $one:literal)?;)*) => {
        $(
            pub struct $name<'a> {
                $(pub $arg: &'a dyn ::std::fmt::Display,)+
            }

            impl $name<'_> {
                pub fn text(&self, locale: $crate::i18n::Locale) -> String {
                    let $name { $($arg),+ } = self;
                    match locale {
                        $crate::i18n::Locale::ZhCn => format!($zh, $($arg = $arg),+),
                        $crate::i18n::Locale::En => $crate::__template_en!(($($arg),+) $en $(, $count, $one)?),
                    }
                }
            }

            $crate::__template_of!($name; $($arg),+);
        )*
    };
}

/// The English text of a template, singular or not (see [`templates!`]).
#[doc(hidden)]
#[macro_export]
macro_rules! __template_en {
    (($($arg:ident),+) $en:literal) => {
        format!($en, $($arg = $arg),+)
    };
    (($($arg:ident),+) $en:literal, $count:ident, $one:literal) => {
        if $crate::i18n::is_one(*$count) { format!($one, $($arg = $arg),+) } else { format!($en, $($arg = $arg),+) }
    };
}

/// `Name::of` for a template with one value (see [`templates!`]).
#[doc(hidden)]
#[macro_export]
macro_rules! __template_of {
    ($name:ident; $arg:ident) => {
        impl $name<'_> {
            /// The text for this value, as a [`CountText`](crate::i18n::CountText).
            #[allow(dead_code)]
            pub fn of(locale: $crate::i18n::Locale, $arg: &dyn ::std::fmt::Display) -> String {
                $name { $arg }.text(locale)
            }
        }
    };
    ($name:ident; $($arg:ident),+) => {};
}
