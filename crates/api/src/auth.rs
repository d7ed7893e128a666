//! IAM "obtain a user token by password" (PARTNER_API.md §1.3) and by assume_role (§1.4: a
//! token for a customer, see `crate::acting`).

use serde::{Deserialize, Serialize};

pub const TOKEN_PATH: &str = "/v3/auth/tokens";
/// Response header carrying the token.
pub const SUBJECT_TOKEN_HEADER: &str = "X-Subject-Token";
/// Request header carrying the token on every BSS call.
pub const AUTH_TOKEN_HEADER: &str = "X-Auth-Token";
pub const REQUEST_ID_HEADER: &str = "X-Request-Id";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TokenRequest {
    pub auth: Auth,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Auth {
    pub identity: Identity,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<Scope>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Identity {
    pub methods: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password: Option<PasswordIdentity>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assume_role: Option<AssumeRole>,
}

/// §1.4: the customer's account (`domain_name` or `domain_id`) and the agency the customer
/// created for the partner when they were associated (named by the partner's `xaccount_type`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssumeRole {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain_id: Option<String>,
    pub agency_name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PasswordIdentity {
    pub user: PasswordUser,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PasswordUser {
    pub name: String,
    pub password: String,
    pub domain: NameOrId,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NameOrId {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scope {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain: Option<NameOrId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project: Option<NameOrId>,
}

impl TokenRequest {
    /// A domain-scoped password sign-in, as BSS calls need.
    pub fn password(account: &str, user: &str, password: &str) -> Self {
        let domain = NameOrId { name: Some(account.to_string()), id: None };
        TokenRequest {
            auth: Auth {
                identity: Identity {
                    methods: vec!["password".into()],
                    password: Some(PasswordIdentity {
                        user: PasswordUser { name: user.into(), password: password.into(), domain: domain.clone() },
                    }),
                    assume_role: None,
                },
                scope: Some(Scope { domain: Some(domain), project: None }),
            },
        }
    }

    /// §1.4: a token for the customer `domain_name` through the agency `agency_name`, sent with
    /// the partner's own token; domain-scoped to the customer.
    pub fn assume_role(domain_name: &str, agency_name: &str) -> Self {
        let domain = NameOrId { name: Some(domain_name.to_string()), id: None };
        TokenRequest {
            auth: Auth {
                identity: Identity {
                    methods: vec![METHOD_ASSUME_ROLE.into()],
                    password: None,
                    assume_role: Some(AssumeRole {
                        domain_name: Some(domain_name.to_string()),
                        domain_id: None,
                        agency_name: agency_name.to_string(),
                    }),
                },
                scope: Some(Scope { domain: Some(domain), project: None }),
            },
        }
    }
}

pub const METHOD_PASSWORD: &str = "password";
pub const METHOD_ASSUME_ROLE: &str = "assume_role";

/// Body of the 201 answer (the token itself is in the `X-Subject-Token` header).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TokenResponse {
    pub token: TokenInfo,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TokenInfo {
    /// ISO-8601 UTC with millis, e.g. `2020-01-04T09:05:22.701000Z`.
    pub expires_at: String,
    pub issued_at: String,
    pub methods: Vec<String>,
    #[serde(default)]
    pub domain: Option<Named>,
    #[serde(default)]
    pub roles: Vec<Named>,
    pub user: TokenUser,
    /// assume_role only: the partner's person the token acts for the customer on behalf of.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assumed_by: Option<AssumedBy>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AssumedBy {
    pub user: TokenUser,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Named {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TokenUser {
    pub id: String,
    pub name: String,
    pub domain: Named,
    #[serde(default)]
    pub password_expires_at: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_matches_documented_json() {
        let r = TokenRequest::password("hz_distributor", "zhang.wei", "pw");
        let v = serde_json::to_value(&r).unwrap();
        assert_eq!(v["auth"]["identity"]["methods"][0], "password");
        assert_eq!(v["auth"]["identity"]["password"]["user"]["name"], "zhang.wei");
        assert_eq!(v["auth"]["identity"]["password"]["user"]["domain"]["name"], "hz_distributor");
        assert_eq!(v["auth"]["scope"]["domain"]["name"], "hz_distributor");
        assert!(v["auth"]["scope"].get("project").is_none());
    }

    #[test]
    fn assume_role_matches_documented_json() {
        let v = serde_json::to_value(TokenRequest::assume_role("acme_corp", "hz_platform")).unwrap();
        assert_eq!(v["auth"]["identity"]["methods"][0], "assume_role");
        assert_eq!(v["auth"]["identity"]["assume_role"]["domain_name"], "acme_corp");
        assert_eq!(v["auth"]["identity"]["assume_role"]["agency_name"], "hz_platform");
        assert!(v["auth"]["identity"].get("password").is_none());
        assert_eq!(v["auth"]["scope"]["domain"]["name"], "acme_corp");
    }

    #[test]
    fn documented_response_parses() {
        let body = r#"{"token":{"expires_at":"2020-01-05T09:05:22.701000Z","issued_at":"2020-01-04T09:05:22.701000Z",
            "methods":["password"],"catalog":[],"domain":{"id":"d1","name":"acme"},
            "roles":[{"id":"0","name":"op_partner"}],
            "user":{"id":"u1","name":"bob","domain":{"id":"d1","name":"acme"},"password_expires_at":""}}}"#;
        let r: TokenResponse = serde_json::from_str(body).unwrap();
        assert_eq!(r.token.user.name, "bob");
        assert!(crate::time::parse_wire(&r.token.expires_at).is_some());
    }
}
