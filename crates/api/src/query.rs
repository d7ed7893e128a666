//! Query strings as the official clients write them (PARTNER_API.md §1.12): list parameters
//! are repeated keys (`operation_types=1&operation_types=2`), a space is `%20` (never `+`),
//! `0` and `""` are sent while absent values are omitted. The same module reads them back,
//! for the sandbox and for round-trip tests.

use crate::validate::Violation;

/// Percent-encodes a query key or value: unreserved characters stay, everything else
/// (space included) becomes `%XX` of its UTF-8 bytes.
/// The same encoding serves path parameters (`/` as `%2F`).
pub fn encode_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Decodes one `%XX`-encoded component; `+` is read as a space (browsers' form encoding)
/// since a literal plus always travels as `%2B`.
pub fn decode_component(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = s.get(i + 1..i + 3)?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// A received query string: `(key, value)` pairs in order, keys decoded; a value that is not
/// validly percent-encoded is `None` and reported only if its key is asked for (an unknown
/// parameter is ignored, as servers do).
#[derive(Debug, Default)]
pub struct RawQuery(Vec<(String, Option<String>)>);

impl RawQuery {
    pub fn parse(raw: Option<&str>) -> Self {
        let pairs = raw
            .unwrap_or("")
            .split('&')
            .filter(|p| !p.is_empty())
            .map(|part| {
                let (k, v) = part.split_once('=').unwrap_or((part, ""));
                (decode_component(k).unwrap_or_else(|| k.to_string()), decode_component(v))
            })
            .collect();
        RawQuery(pairs)
    }

    /// Every value of a (possibly repeated) key, in order.
    pub fn values(&self, key: &str) -> Result<Vec<String>, Violation> {
        self.0
            .iter()
            .filter(|(k, _)| k == key)
            .map(|(_, v)| v.clone().ok_or_else(|| Violation::new(key, "is not validly percent-encoded")))
            .collect()
    }
}

/// Writes `key=value` pairs in order of calls (§1.12 encoding).
#[derive(Debug, Default)]
pub struct Encoder(String);

impl Encoder {
    pub fn push(&mut self, key: &str, value: &str) {
        if !self.0.is_empty() {
            self.0.push('&');
        }
        self.0.push_str(&encode_component(key));
        self.0.push('=');
        self.0.push_str(&encode_component(value));
    }

    pub fn finish(self) -> String {
        self.0
    }
}

/// One value of a query parameter: text or an integer.
pub trait QueryScalar: Sized {
    fn text(&self) -> String;
    fn parse(key: &str, value: &str) -> Result<Self, Violation>;
}

impl QueryScalar for String {
    fn text(&self) -> String {
        self.clone()
    }
    fn parse(_: &str, value: &str) -> Result<Self, Violation> {
        Ok(value.to_string())
    }
}

macro_rules! int_scalar {
    ($($t:ty),*) => {$(
        impl QueryScalar for $t {
            fn text(&self) -> String {
                self.to_string()
            }
            fn parse(key: &str, value: &str) -> Result<Self, Violation> {
                // Exactly what the contract allows: digits with an optional '-', no '+', no
                // spaces (Rust's parse would take a leading '+').
                let digits = value.strip_prefix('-').unwrap_or(value);
                if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(Violation::new(key, "must be an integer"));
                }
                value.parse().map_err(|_| Violation::new(key, "is out of range"))
            }
        }
    )*};
}
int_scalar!(i32, i64, u32, u64);

/// A request read from a query string (implemented by [`query_params!`]), so a server can
/// extract any of them the same way.
pub trait FromQuery: Sized {
    fn from_query(raw: Option<&str>) -> Result<Self, Violation>;
}

/// A field of a query-parameter struct: `Option<T>` (sent when present, at most once) or
/// `Vec<T>` (a repeated key, one per item).
pub trait QueryField: Sized {
    fn encode(&self, key: &str, q: &mut Encoder);
    /// From every value received for `key`; `empty_is_absent` reads `key=` as not given.
    fn decode(key: &str, values: Vec<String>, empty_is_absent: bool) -> Result<Self, Violation>;
}

impl<T: QueryScalar> QueryField for Option<T> {
    fn encode(&self, key: &str, q: &mut Encoder) {
        if let Some(v) = self {
            q.push(key, &v.text());
        }
    }
    fn decode(key: &str, mut values: Vec<String>, empty_is_absent: bool) -> Result<Self, Violation> {
        if values.len() > 1 {
            return Err(Violation::new(key, "must be given at most once"));
        }
        match values.pop() {
            Some(v) if !(empty_is_absent && v.is_empty()) => T::parse(key, &v).map(Some),
            _ => Ok(None),
        }
    }
}

impl<T: QueryScalar> QueryField for Vec<T> {
    fn encode(&self, key: &str, q: &mut Encoder) {
        for v in self {
            q.push(key, &v.text());
        }
    }
    fn decode(key: &str, values: Vec<String>, empty_is_absent: bool) -> Result<Self, Violation> {
        values.iter().filter(|v| !(empty_is_absent && v.is_empty())).map(|v| T::parse(key, v)).collect()
    }
}

/// Declares a request whose parameters travel in the query string, its field list written
/// once: the struct, `to_query_string()` (fields in declaration order, which is the SDK's),
/// `url(path)` and `from_query(raw)` (unknown keys ignored) are generated. Fields are
/// `Option<T>` or `Vec<T>` of `String`, `i32`, `i64`, `u32`, `u64`.
///
/// Options: `where empty = absent` after the name reads `key=` as "not given" (the SDK's
/// servers do so for O1/O2; elsewhere an empty value is a value, and so refused where it must
/// not be empty). A leading `path { … }` block holds path parameters: in the struct, never in
/// the query, left at their default by `from_query` (the route fills them). Extra attributes
/// (serde derives, docs) pass through.
#[macro_export]
macro_rules! query_params {
    (
        $(#[$m:meta])*
        pub struct $name:ident $(where empty = $empty:ident)? {
            $(path { $($(#[$pm:meta])* pub $pfield:ident : $pty:ty,)* })?
            $($(#[$fm:meta])* pub $field:ident : $ty:ty,)*
        }
    ) => {
        $(#[$m])*
        #[derive(Debug, Clone, Default, PartialEq, Eq)]
        pub struct $name {
            $($($(#[$pm])* pub $pfield: $pty,)*)?
            $($(#[$fm])* pub $field: $ty,)*
        }

        impl $name {
            /// The query string (without `?`); empty when nothing is set.
            pub fn to_query_string(&self) -> String {
                let mut q = $crate::query::Encoder::default();
                $( $crate::query::QueryField::encode(&self.$field, stringify!($field), &mut q); )*
                q.finish()
            }

            /// `path` or `path?query`.
            pub fn url(&self, path: &str) -> String {
                let q = self.to_query_string();
                if q.is_empty() { path.to_string() } else { format!("{path}?{q}") }
            }

            /// Reads a raw query string (as in `Uri::query()`); the first bad parameter, in
            /// declaration order, is the violation.
            pub fn from_query(raw: Option<&str>) -> Result<Self, $crate::validate::Violation> {
                let raw = $crate::query::RawQuery::parse(raw);
                let empty_is_absent = $crate::query_params!(@empty $($empty)?);
                let _ = (&raw, empty_is_absent);
                Ok(Self {
                    $($($pfield: Default::default(),)*)?
                    $($field: $crate::query::QueryField::decode(
                        stringify!($field),
                        raw.values(stringify!($field))?,
                        empty_is_absent,
                    )?,)*
                })
            }
        }

        impl $crate::query::FromQuery for $name {
            fn from_query(raw: Option<&str>) -> Result<Self, $crate::validate::Violation> {
                $name::from_query(raw)
            }
        }
    };
    (@empty absent) => { true };
    (@empty) => { false };
}

#[cfg(test)]
mod tests {

    crate::query_params! {
        /// A sample.
        pub struct Sample {
            pub name: Option<String>,
            pub kinds: Vec<String>,
            pub offset: Option<i64>,
            pub limit: Option<i64>,
        }
    }

    #[test]
    fn encodes_like_the_official_clients() {
        let s =
            Sample { name: Some("a b/c+d".into()), kinds: vec!["1".into(), "2".into()], offset: Some(0), limit: None };
        assert_eq!(s.to_query_string(), "name=a%20b%2Fc%2Bd&kinds=1&kinds=2&offset=0");
        assert_eq!(Sample::from_query(Some(&s.to_query_string())).unwrap(), s);
        assert_eq!(Sample::default().url("/x"), "/x");
        let empty = Sample { name: Some(String::new()), ..Default::default() };
        assert_eq!(empty.url("/x"), "/x?name=");
    }

    #[test]
    fn reads_back_and_names_bad_values() {
        let s = Sample::from_query(Some("name=%E5%BC%A0+san&limit=5&unknown=1")).unwrap();
        assert_eq!((s.name.as_deref(), s.limit), (Some("张 san"), Some(5)));
        assert_eq!(Sample::from_query(Some("limit=ten")).unwrap_err().parameter, "limit");
        assert_eq!(Sample::from_query(Some("name=%zz")).unwrap_err().parameter, "name");
        assert_eq!(Sample::from_query(Some("name=a&name=b")).unwrap_err().parameter, "name");
        assert_eq!(Sample::from_query(None).unwrap(), Sample::default());
        // Integers: no '+' (raw or encoded), no spaces, no empty value.
        for bad in ["limit=%2B5", "limit=+5", "limit=%205", "limit=5%20", "limit=", "limit=-", "limit=5x"] {
            assert_eq!(Sample::from_query(Some(bad)).unwrap_err().message(), "parameter 'limit' must be an integer");
        }
        assert_eq!(Sample::from_query(Some("limit=-1")).unwrap().limit, Some(-1));
        assert_eq!(Sample::from_query(Some("limit=99999999999999999999")).unwrap_err().parameter, "limit");
    }

    crate::query_params! {
        /// Empty values read as absent; a path parameter.
        pub struct WithPath where empty = absent {
            path { pub id: String, }
            pub status: Option<i32>,
            pub t: Vec<String>,
        }
    }

    #[test]
    fn empty_as_absent_and_path_fields() {
        let w = WithPath { id: "x".into(), status: Some(0), t: vec!["1".into(), "2".into()] };
        assert_eq!(w.url("/p"), "/p?status=0&t=1&t=2");
        let back = WithPath::from_query(Some("status=&t=1&t=&id=9")).unwrap();
        assert_eq!(back, WithPath { t: vec!["1".into()], ..Default::default() });
        assert_eq!(WithPath::from_query(Some("status=&status=")).unwrap_err().parameter, "status");
        assert_eq!(
            WithPath::from_query(Some("status=x")).unwrap_err().message(),
            "parameter 'status' must be an integer"
        );
        assert_eq!(WithPath::from_query(Some("unknown=%zz")).unwrap(), WithPath::default());
    }
}
