//! The API through the router (tower `oneshot`), over a small seeded store.

mod common;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use common::{env, env_with, Env, Resp};
use partner_api::profile::role;
use sandbox::seed;
use sandbox::store::CustomerIx;
use serde_json::{json, Value};
use std::collections::HashSet;

const PW: &str = seed::PASSWORD;
const C1: &str = "/v2/partners/sub-customers/query";
const OPPS: &str = "/v2/partners/sub-customers/opportunities/query";
const PROFILE: &str = "/v2/partners/profile";

impl Env {
    /// Customers matching a predicate, counted straight from the data.
    fn count(&self, f: impl Fn(&sandbox::store::Customer) -> bool) -> u64 {
        self.data().customers.iter().filter(|c| f(c)).count() as u64
    }

    /// Every row of a list, page by page.
    async fn all_rows(&self, token: &str, mut body: Value) -> Vec<Value> {
        let mut rows = Vec::new();
        loop {
            body["offset"] = json!(rows.len());
            body["limit"] = json!(37);
            let r = self.post(OPPS, token, body.clone()).await;
            assert_eq!(r.status, StatusCode::OK, "{}", r.text);
            let page = r.json["customer_opportunities"].as_array().unwrap().clone();
            let total = r.json["total_count"].as_u64().unwrap() as usize;
            rows.extend(page);
            if rows.len() >= total {
                assert_eq!(rows.len(), total);
                return rows;
            }
        }
    }
}

fn parse_time(s: &str) -> partner_api::time::Instant {
    partner_api::time::parse_wire(s).unwrap()
}

#[tokio::test]
async fn sign_in_answers_201_with_token_header_and_keystone_body() {
    let e = env();
    let r = e.sign_in_raw("hz_distributor", "li.na", PW).await;
    assert_eq!(r.status, StatusCode::CREATED);
    assert!(r.header("x-subject-token").is_some_and(|t| t.len() >= 32));
    assert!(r.header("x-request-id").is_some());
    let t = &r.json["token"];
    let (issued, expires) = (t["issued_at"].as_str().unwrap(), t["expires_at"].as_str().unwrap());
    assert!(expires.ends_with("000Z") && expires.len() == "2026-11-25T09:05:22.701000Z".len(), "{expires}");
    assert_eq!((parse_time(expires) - parse_time(issued)).num_seconds(), 86_400);
    assert_eq!(t["methods"], json!(["password"]));
    assert_eq!(t["roles"][0]["name"], "account_manager");
    assert_eq!(t["domain"]["name"], "hz_distributor");
    assert_eq!(t["domain"]["id"], json!(e.data().partners[e.partner("hz_distributor")].id));
    assert_eq!(t["user"]["name"], "li.na");
    assert_eq!(t["user"]["domain"]["name"], "hz_distributor");
    // The api crate's type reads it back.
    let parsed: partner_api::auth::TokenResponse = serde_json::from_value(r.json.clone()).unwrap();
    assert_eq!(parsed.token.user.name, "li.na");
}

#[tokio::test]
async fn bad_credentials_are_401_in_keystone_shape() {
    let e = env();
    for (account, user, pw) in
        [("hz_distributor", "li.na", "wrong"), ("hz_distributor", "nobody", PW), ("no_such_partner", "admin", PW)]
    {
        let r = e.sign_in_raw(account, user, pw).await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED);
        assert_eq!(
            r.json,
            json!({"error": {"code": 401, "message": "The username or password is wrong.", "title": "Unauthorized"}})
        );
        assert!(r.header("x-subject-token").is_none());
        assert!(r.header("x-request-id").is_some());
    }
    let r = e.call(Method::POST, "/v3/auth/tokens", None, Some(json!({"auth": 1}))).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert_eq!((r.json["error"]["code"].as_u64(), r.json["error"]["title"].as_str()), (Some(400), Some("Bad Request")));
}

#[tokio::test]
async fn missing_unknown_and_expired_tokens_are_401() {
    let e = env();
    let r = e.call(Method::GET, PROFILE, None, None).await;
    assert_eq!((r.status, r.code(), r.msg()), (StatusCode::UNAUTHORIZED, "CBC.0154", "x_auth_token is invalid"));
    let r = e.get(PROFILE, "not-a-token").await;
    assert_eq!((r.status, r.code(), r.msg()), (StatusCode::UNAUTHORIZED, "CBC.0154", "x_auth_token is invalid"));

    // A zero lifetime set through the control endpoint: the token is born expired.
    let r = e.call(Method::POST, "/__sandbox/token-ttl", None, Some(json!({"seconds": 0}))).await;
    assert_eq!(r.status, StatusCode::OK);
    let t = e.token("hz_distributor", "admin").await;
    let r = e.get(PROFILE, &t).await;
    assert_eq!((r.status, r.code(), r.msg()), (StatusCode::UNAUTHORIZED, "CBC.0154", "x_auth_token is expired"));

    e.call(Method::POST, "/__sandbox/token-ttl", None, Some(json!({"seconds": 3600}))).await;
    let t = e.token("hz_distributor", "admin").await;
    assert_eq!(e.get(PROFILE, &t).await.status, StatusCode::OK);
    let r = e.call(Method::POST, "/__sandbox/expire-tokens", None, None).await;
    assert_eq!(r.json["expired"], 2);
    let r = e.get(PROFILE, &t).await;
    assert_eq!((r.status, r.msg()), (StatusCode::UNAUTHORIZED, "x_auth_token is expired"));
    let r = e.call(Method::POST, "/__sandbox/token-ttl", None, Some(json!({"seconds": -1}))).await;
    assert_eq!((r.status, r.code()), (StatusCode::BAD_REQUEST, "CBC.0100"));
}

#[tokio::test]
async fn every_response_has_a_unique_request_id() {
    let e = env();
    let t = e.token("hz_distributor", "admin").await;
    let ok = e.get(PROFILE, &t).await;
    let err = e.post(C1, &t, json!({"limit": 0})).await;
    let missing = e.get("/v2/nothing/here", &t).await;
    let control = e.call(Method::GET, "/__sandbox/health", None, None).await;
    assert_eq!(
        (ok.status, err.status, missing.status),
        (StatusCode::OK, StatusCode::BAD_REQUEST, StatusCode::NOT_FOUND)
    );
    assert_eq!(missing.json, json!({"error_code": "CBC.0100", "error_msg": "no such API: GET /v2/nothing/here"}));
    assert_eq!(control.json, json!({"status": "ok", "customers": 400}));
    let ids: HashSet<String> =
        [&ok, &err, &missing, &control].iter().map(|r| r.header("x-request-id").unwrap().to_string()).collect();
    assert_eq!(ids.len(), 4);
    assert!(ids.iter().all(|id| id.len() == 32 && id.chars().all(|c| c.is_ascii_hexdigit())));
    // A known path with the wrong method is no API either.
    let r = e.get(C1, &t).await;
    assert_eq!((r.status, r.msg()), (StatusCode::NOT_FOUND, "no such API: GET /v2/partners/sub-customers/query"));
}

#[tokio::test]
async fn cors_only_for_listed_origins() {
    let e = env_with(vec!["http://localhost:8080".into()]);
    let preflight = |origin: &str| {
        Request::builder()
            .method(Method::OPTIONS)
            .uri(C1)
            .header("origin", origin)
            .header("access-control-request-method", "POST")
            .header("access-control-request-headers", "content-type,x-auth-token")
            .body(Body::empty())
            .unwrap()
    };
    let r = e.send(preflight("http://localhost:8080")).await;
    assert!(r.status.is_success());
    assert_eq!(r.header("access-control-allow-origin"), Some("http://localhost:8080"));
    let methods = r.header("access-control-allow-methods").unwrap();
    assert!(["GET", "POST", "PUT", "DELETE", "OPTIONS"].iter().all(|m| methods.contains(m)), "{methods}");
    let headers = r.header("access-control-allow-headers").unwrap();
    assert!(["content-type", "x-auth-token", "x-language"].iter().all(|h| headers.contains(h)), "{headers}");
    assert_eq!(r.header("access-control-max-age"), Some("600"));
    assert!(r.header("x-request-id").is_some());

    let r = e.send(preflight("http://evil.example")).await;
    assert!(r.headers.keys().all(|k| !k.as_str().starts_with("access-control-")), "{:?}", r.headers);
    assert!(r.header("x-request-id").is_some());

    let signin = |origin: &str| {
        let body = serde_json::to_string(&partner_api::auth::TokenRequest::password("hz_distributor", "admin", PW));
        Request::builder()
            .method(Method::POST)
            .uri("/v3/auth/tokens")
            .header("origin", origin)
            .header("content-type", "application/json")
            .body(Body::from(body.unwrap()))
            .unwrap()
    };
    let r = e.send(signin("http://localhost:8080")).await;
    assert_eq!(r.header("access-control-allow-origin"), Some("http://localhost:8080"));
    let exposed = r.header("access-control-expose-headers").unwrap();
    assert!(exposed.contains("X-Subject-Token") && exposed.contains("X-Request-Id") && exposed.contains("Date"));
    let r = e.send(signin("http://evil.example")).await;
    assert_eq!(r.status, StatusCode::CREATED);
    assert!(r.header("access-control-allow-origin").is_none());
    assert!(r.header("access-control-expose-headers").is_none());
}

#[tokio::test]
async fn profile_per_role() {
    let e = env();
    let names = |r: &Resp| -> Vec<String> {
        r.json["account_managers"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["account_name"].as_str().unwrap().into())
            .collect()
    };
    let r = e.get(PROFILE, &e.token("hz_distributor", "li.na").await).await;
    assert_eq!(names(&r), ["li.na"]);
    assert_eq!((r.json["role"].as_str(), r.json["display_name"].as_str()), (Some(role::ACCOUNT_MANAGER), Some("李娜")));
    assert_eq!(r.json["indirect_partners"].as_array().unwrap().len(), 3);
    assert_eq!((r.json["partner_type"].as_str(), r.json["site"].as_str()), (Some("DISTRIBUTOR"), Some("cn")));
    let r = e.get(PROFILE, &e.token("hz_distributor", "zhang.wei").await).await;
    assert_eq!(names(&r), ["li.na", "wang.fang", "david.liu"]);
    let r = e.get(PROFILE, &e.token("hz_distributor", "admin").await).await;
    assert_eq!(names(&r).len(), 6);
    let r = e.get(PROFILE, &e.token("nimbus_solutions", "admin").await).await;
    assert_eq!((names(&r).len(), r.json["partner_type"].as_str()), (2, Some("RESELLER")));
    assert!(r.json["indirect_partners"].as_array().unwrap().is_empty());
    let r = e.get(PROFILE, &e.token("huitong_services", "sun.li").await).await;
    assert_eq!(names(&r), ["mike.zhou", "he.jing"]);
    // Typed through the api crate.
    let p: partner_api::profile::Profile = serde_json::from_value(r.json).unwrap();
    assert_eq!(p.partner_name, "慧通云服务有限公司");
}

#[tokio::test]
async fn visibility_per_role_in_both_lists() {
    let e = env();
    let dist = e.partner("hz_distributor");
    let is_reseller_of_dist = |p: usize| e.data().partners[p].parent == Some(dist);

    // Account manager: only their own customers.
    let li = e.user("hz_distributor", "li.na");
    let t = e.token("hz_distributor", "li.na").await;
    let own = e.count(|c| c.account_manager == Some(li));
    assert!(own > 0);
    let r = e.post(C1, &t, json!({"limit": 100})).await;
    assert_eq!(r.json["count"].as_u64(), Some(own));
    assert!(r.json["customer_infos"]
        .as_array()
        .unwrap()
        .iter()
        .all(|c| c["account_managers"] == json!([{"account_name": "li.na"}])));
    let rows = e.all_rows(&t, json!({})).await;
    assert_eq!(rows.len() as u64, own);
    assert!(rows.iter().all(|r| r["account_manager"]["account_name"] == "li.na"));
    assert_eq!(e.post(OPPS, &t, json!({})).await.json["visibility_scope"], "OWN");

    // Supervisor: the team's customers.
    let zw = e.user("hz_distributor", "zhang.wei");
    let team = e.count(|c| c.account_manager.is_some_and(|am| e.data().users[am].supervisor == Some(zw)));
    let t = e.token("hz_distributor", "zhang.wei").await;
    assert_eq!(e.post(C1, &t, json!({})).await.json["count"].as_u64(), Some(team));
    let rows = e.all_rows(&t, json!({})).await;
    assert_eq!(rows.len() as u64, team);
    let team_names = ["li.na", "wang.fang", "david.liu"];
    assert!(rows.iter().all(|r| team_names.contains(&r["account_manager"]["account_name"].as_str().unwrap())));
    assert_eq!(e.post(OPPS, &t, json!({})).await.json["visibility_scope"], "TEAM");

    // Distributor admin: all own customers (unassigned too) in C1; plus resellers' in S1.
    let t = e.token("hz_distributor", "admin").await;
    let direct = e.count(|c| c.partner == dist);
    let with_resellers = e.count(|c| c.partner == dist || is_reseller_of_dist(c.partner));
    assert!(with_resellers > direct);
    assert_eq!(e.post(C1, &t, json!({})).await.json["count"].as_u64(), Some(direct));
    let r = e.post(OPPS, &t, json!({})).await;
    assert_eq!(
        (r.json["total_count"].as_u64(), r.json["visibility_scope"].as_str()),
        (Some(with_resellers), Some("ALL"))
    );
    let rows = e.all_rows(&t, json!({})).await;
    assert!(rows.iter().any(|r| r["account_manager"].is_null()), "unassigned customers are visible to admins");
    let nimbus = &e.data().partners[e.partner("nimbus_solutions")];
    assert!(
        rows.iter()
            .any(|r| r["indirect_partner_id"] == json!(nimbus.id)
                && r["indirect_partner_name"] == "Nimbus Solutions Ltd.")
    );

    // Reseller and service partner people: own partner only.
    for (account, user) in
        [("nimbus_solutions", "admin"), ("huitong_services", "he.jing"), ("deepblue_data", "grace.xu")]
    {
        let p = e.partner(account);
        let t = e.token(account, user).await;
        let rows = e.all_rows(&t, json!({})).await;
        assert!(!rows.is_empty());
        let ids: HashSet<&str> = rows.iter().map(|r| r["customer_id"].as_str().unwrap()).collect();
        for id in ids {
            assert_eq!(e.data().customer(e.data().customer_by_id[id]).partner, p);
        }
    }
    // Nobody else sees a distributor customer.
    let first_direct = e.data().partners[dist].customers[0];
    let id = &e.data().customer(first_direct).id;
    let t = e.token("nimbus_solutions", "admin").await;
    let r = e.post(C1, &t, json!({"customer_id": id})).await;
    assert_eq!(r.json["count"], 0);
}

#[tokio::test]
async fn account_manager_filter_is_limited_to_what_one_may_see() {
    let e = env();
    let t = e.token("hz_distributor", "zhang.wei").await;
    let r = e.post(OPPS, &t, json!({"account_manager": "zhao.min"})).await;
    assert_eq!((r.status, r.code()), (StatusCode::FORBIDDEN, "CBC.0151"));
    let r = e.post(OPPS, &t, json!({"account_manager": "nobody.at.all"})).await;
    assert_eq!((r.status, r.code()), (StatusCode::FORBIDDEN, "CBC.0151"));
    let rows = e.all_rows(&t, json!({"account_manager": "wang.fang"})).await;
    let wf = e.user("hz_distributor", "wang.fang");
    assert_eq!(rows.len() as u64, e.count(|c| c.account_manager == Some(wf)));
    assert!(rows.iter().all(|r| r["account_manager"]["account_name"] == "wang.fang"));

    let t = e.token("hz_distributor", "li.na").await;
    assert_eq!(e.post(OPPS, &t, json!({"account_manager": "wang.fang"})).await.status, StatusCode::FORBIDDEN);
    assert_eq!(e.post(OPPS, &t, json!({"account_manager": "li.na"})).await.status, StatusCode::OK);

    // A distributor admin may filter by a reseller's account manager; a reseller admin may
    // not filter by the distributor's.
    let t = e.token("hz_distributor", "admin").await;
    let r = e.post(OPPS, &t, json!({"account_manager": "jason.wu"})).await;
    let jw = e.user("cloudbridge_it", "jason.wu");
    assert_eq!(r.json["total_count"].as_u64(), Some(e.count(|c| c.account_manager == Some(jw))));
    let t = e.token("cloudbridge_it", "admin").await;
    assert_eq!(e.post(OPPS, &t, json!({"account_manager": "li.na"})).await.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn paging_bounds_name_the_parameter() {
    let e = env();
    let t = e.token("hz_distributor", "admin").await;
    for path in [C1, OPPS] {
        let r = e.post(path, &t, json!({"limit": 101})).await;
        assert_eq!((r.status, r.code()), (StatusCode::BAD_REQUEST, "CBC.0100"));
        assert_eq!(r.msg(), "parameter 'limit' must be between 1 and 100");
        let r = e.post(path, &t, json!({"offset": -1})).await;
        assert_eq!((r.status, r.msg()), (StatusCode::BAD_REQUEST, "parameter 'offset' must be between 0 and 40000000"));
        let r = e.post(path, &t, json!({"limit": "ten"})).await;
        assert!(r.msg().starts_with("parameter 'limit'"), "{}", r.msg());
        assert_eq!(e.post(path, &t, json!({"offset": 40_000_000, "limit": 100})).await.status, StatusCode::OK);
    }
    // Defaults: 10 rows.
    let r = e.post(C1, &t, json!({})).await;
    assert_eq!(r.json["customer_infos"].as_array().unwrap().len(), 10);
    let r = e.post(OPPS, &t, json!({"offset": 5})).await;
    assert_eq!(r.json["customer_opportunities"].as_array().unwrap().len(), 10);
    let id = r.json["customer_opportunities"][0]["customer_id"].as_str().unwrap().to_string();
    let r = e.get(&format!("/v2/partners/sub-customers/{id}/opportunities?limit=0"), &t).await;
    assert_eq!((r.status, r.msg()), (StatusCode::BAD_REQUEST, "parameter 'limit' must be between 1 and 100"));
    let r = e.get(&format!("/v2/partners/sub-customers/{id}/opportunities?offset=x"), &t).await;
    assert!(r.msg().starts_with("parameter 'offset'"));
}

#[tokio::test]
async fn bad_bodies_dates_and_codes_are_400_naming_the_field() {
    let e = env();
    let t = e.token("hz_distributor", "admin").await;
    let cases = [
        (C1, json!({"associated_on_begin": ""}), "associated_on_begin"),
        (C1, json!({"associated_on_end": "2026-01-01"}), "associated_on_end"),
        (
            C1,
            json!({"associated_on_begin": "2026-02-01T00:00:00Z", "associated_on_end": "2026-01-01T00:00:00Z"}),
            "associated_on_begin",
        ),
        (C1, json!({"account_name": "x".repeat(65)}), "account_name"),
        (C1, json!({"label": "标".repeat(65)}), "label"),
        (C1, json!({"association_type": "123"}), "association_type"),
        (OPPS, json!({"last_update_begin": "yesterday"}), "last_update_begin"),
        (OPPS, json!({"last_update_end": "2026-01-01T00:00:00+08:00"}), "last_update_end"),
        (
            OPPS,
            json!({"last_update_begin": "2026-02-01T00:00:00Z", "last_update_end": "2026-01-01T00:00:00Z"}),
            "last_update_begin",
        ),
        (OPPS, json!({"stages": ["WIN"]}), "stages"),
        (OPPS, json!({"industries": ["FINANCE", "SPACE"]}), "industries"),
        (OPPS, json!({"confidences": ["low"]}), "confidences"),
        (OPPS, json!({"opportunity_types": ["X"]}), "opportunity_types"),
        (OPPS, json!({"stages": vec!["WON"; 21]}), "stages"),
        (OPPS, json!({"order_by": "customer"}), "order_by"),
        (OPPS, json!({"keyword": "k".repeat(65)}), "keyword"),
        (OPPS, json!({"stages": "WON"}), "stages"),
    ];
    for (path, body, field) in cases {
        let r = e.post(path, &t, body.clone()).await;
        assert_eq!((r.status, r.code()), (StatusCode::BAD_REQUEST, "CBC.0100"), "{body}");
        assert!(r.msg().starts_with(&format!("parameter '{field}' ")), "{body}: {}", r.msg());
        let err = partner_api::error::parse_error(400, &r.text, None);
        assert_eq!(err.parameter(), Some(field));
    }
    // A malformed body names the body.
    let req = Request::builder()
        .method(Method::POST)
        .uri(C1)
        .header("x-auth-token", &t)
        .header("content-type", "application/json")
        .body(Body::from("{\"limit\": 10"))
        .unwrap();
    let r = e.send(req).await;
    assert_eq!((r.status, r.code()), (StatusCode::BAD_REQUEST, "CBC.0100"));
    assert!(r.msg().starts_with("parameter 'body' "), "{}", r.msg());
    // Null members are "not a filter"; a date range that is fine passes.
    let r = e.post(C1, &t, json!({"label": null, "associated_on_begin": "2020-01-01T00:00:00Z"})).await;
    assert_eq!(r.status, StatusCode::OK);
}

#[tokio::test]
async fn c1_filters_and_reseller_rules() {
    let e = env();
    let dist = e.partner("hz_distributor");
    let deepblue = e.partner("deepblue_data");
    let deepblue_id = e.data().partners[deepblue].id.clone();
    let admin = e.token("hz_distributor", "admin").await;

    let r = e.post(C1, &admin, json!({"indirect_partner_id": deepblue_id, "limit": 100})).await;
    assert_eq!(r.json["count"].as_u64(), Some(e.count(|c| c.partner == deepblue)));
    let sup = e.token("hz_distributor", "emily.chen").await;
    let r = e.post(C1, &sup, json!({"indirect_partner_id": deepblue_id})).await;
    assert_eq!((r.status, r.json["count"].as_u64()), (StatusCode::OK, Some(0)));
    for (token, id) in [
        (admin.clone(), "0123456789abcdef0123456789abcdef".to_string()),
        (e.token("deepblue_data", "admin").await, deepblue_id.clone()),
        (e.token("huitong_services", "admin").await, deepblue_id.clone()),
    ] {
        let r = e.post(C1, &token, json!({"indirect_partner_id": id})).await;
        assert_eq!((r.status, r.code()), (StatusCode::BAD_REQUEST, "CBC.99000037"));
        let r = e.post(OPPS, &token, json!({"indirect_partner_id": id})).await;
        assert_eq!((r.status, r.code()), (StatusCode::BAD_REQUEST, "CBC.99000037"));
    }

    // Fuzzy account_name/customer (case-insensitive), case-sensitive label, exact id and type.
    let direct: Vec<CustomerIx> = e.data().partners[dist].customers.clone();
    let c = e.data().customer(direct[3]);
    let piece = c.account_name[2..8].to_uppercase();
    let r = e.post(C1, &admin, json!({"account_name": piece, "limit": 100})).await;
    let want = e.count(|x| x.partner == dist && x.account_name.to_uppercase().contains(&piece));
    assert_eq!(r.json["count"].as_u64(), Some(want));
    let r = e.post(C1, &admin, json!({"customer_id": c.id})).await;
    assert_eq!(r.json["count"], 1);
    let info = &r.json["customer_infos"][0];
    assert_eq!(
        (info["account_name"].as_str(), info["country_code"].as_str()),
        (Some(c.account_name.as_str()), Some("0086"))
    );
    assert!(info["telephone"].as_str().unwrap().contains("****"));
    assert!(info["email"].as_str().unwrap().contains("***@"));
    let typed: partner_api::customers::ListSubCustomersResponse = serde_json::from_value(r.json.clone()).unwrap();
    assert_eq!(typed.customer_infos[0].customer_id, c.id);
    let r = e.post(C1, &admin, json!({"label": "VIP"})).await;
    assert_eq!(r.json["count"].as_u64(), Some(e.count(|x| x.partner == dist && x.label == Some("VIP"))));
    assert_eq!(e.post(C1, &admin, json!({"label": "vip"})).await.json["count"], 0);
    let r = e.post(C1, &admin, json!({"association_type": "1"})).await;
    assert_eq!(r.json["count"].as_u64(), Some(e.count(|x| x.partner == dist && x.association_type == "1")));
    let r = e.post(C1, &admin, json!({"customer": "有限公司"})).await;
    assert_eq!(r.json["count"].as_u64(), Some(e.count(|x| x.partner == dist && x.customer.contains("有限公司"))));
    // Date range: begin inclusive, end exclusive; order is associated_on desc.
    let at = partner_api::time::to_wire(&c.associated_on);
    let r = e.post(C1, &admin, json!({"associated_on_begin": at, "associated_on_end": at})).await;
    assert_eq!(r.json["count"], 0);
    let r = e.post(C1, &admin, json!({"associated_on_begin": at, "limit": 100})).await;
    assert_eq!(r.json["count"].as_u64(), Some(e.count(|x| x.partner == dist && x.associated_on >= c.associated_on)));
    let times: Vec<String> = r.json["customer_infos"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["associated_on"].as_str().unwrap().into())
        .collect();
    assert!(times.windows(2).all(|w| w[0] >= w[1]));
}

#[tokio::test]
async fn opportunity_filters_match_the_current_opportunity() {
    let e = env();
    let t = e.token("hz_distributor", "admin").await;
    let dist = e.partner("hz_distributor");
    let visible = |c: &sandbox::store::Customer| c.partner == dist || e.data().partners[c.partner].parent == Some(dist);

    let rows = e.all_rows(&t, json!({"stages": ["WON", "LOST"], "industries": ["FINANCE", "RETAIL"]})).await;
    let want = e.count(|c| {
        visible(c)
            && ["FINANCE", "RETAIL"].contains(&c.industry)
            && c.current().is_some_and(|o| ["WON", "LOST"].contains(&o.stage))
    });
    assert_eq!(rows.len() as u64, want);
    assert!(rows.iter().all(|r| ["WON", "LOST"].contains(&r["opportunity"]["stage"].as_str().unwrap())));

    let begin = "2026-01-01T00:00:00Z";
    let end = "2026-06-01T00:00:00Z";
    let rows =
        e.all_rows(&t, json!({"last_update_begin": begin, "last_update_end": end, "confidences": ["HIGH"]})).await;
    let (b, en) = (parse_time(begin), parse_time(end));
    let want = e.count(|c| {
        visible(c)
            && c.current().is_some_and(|o| o.confidence == "HIGH" && o.last_update_time >= b && o.last_update_time < en)
    });
    assert_eq!(rows.len() as u64, want);

    // Keyword: account name or customer name, case-insensitive.
    let rows = e.all_rows(&t, json!({"keyword": "NORTHWIND"})).await;
    assert_eq!(rows.len() as u64, e.count(|c| visible(c) && c.customer.contains("Northwind")));
    let rows = e.all_rows(&t, json!({"keyword": "上海"})).await;
    assert_eq!(rows.len() as u64, e.count(|c| visible(c) && c.customer.contains("上海")));

    // Reseller filter for the distributor admin.
    let cb = e.partner("cloudbridge_it");
    let rows = e.all_rows(&t, json!({"indirect_partner_id": e.data().partners[cb].id})).await;
    assert_eq!(rows.len() as u64, e.count(|c| c.partner == cb));
}

#[tokio::test]
async fn revenue_range_filters_the_current_opportunity_and_is_validated() {
    let e = env();
    let t = e.token("hz_distributor", "admin").await;
    let dist = e.partner("hz_distributor");
    let visible = |c: &sandbox::store::Customer| c.partner == dist || e.data().partners[c.partner].parent == Some(dist);
    let amount = |s: &str| partner_api::Amount::parse(s).unwrap();

    let rows = e.all_rows(&t, json!({"revenue_min": 10000, "revenue_max": 50000.50})).await;
    let want = e.count(|c| {
        visible(c)
            && c.current().is_some_and(|o| {
                o.expected_monthly_revenue >= amount("10000") && o.expected_monthly_revenue <= amount("50000.50")
            })
    });
    assert!(want > 0);
    assert_eq!(rows.len() as u64, want);
    let rows = e.all_rows(&t, json!({"revenue_max": 0})).await;
    assert_eq!(
        rows.len() as u64,
        e.count(|c| visible(c) && c.current().is_some_and(|o| o.expected_monthly_revenue.0.is_zero()))
    );

    for (body, parameter) in [
        (json!({"revenue_min": 5, "revenue_max": 1}), "revenue_min"),
        (json!({"revenue_min": -1}), "revenue_min"),
        (json!({"revenue_max": 1.005}), "revenue_max"),
    ] {
        let r = e.post(OPPS, &t, body).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.text);
        assert_eq!(r.code(), "CBC.0100");
        assert!(r.msg().contains(parameter), "{}", r.msg());
    }
}

#[tokio::test]
async fn sorting_is_correct_and_stable_across_pages() {
    let e = env();
    let t = e.token("hz_distributor", "admin").await;
    let revenue = |r: &Value| {
        r["opportunity"]["expected_monthly_revenue"].as_number().map(|n| n.to_string().parse::<f64>().unwrap())
    };
    for order in ["-expected_monthly_revenue", "expected_monthly_revenue"] {
        let rows = e.all_rows(&t, json!({"order_by": order})).await;
        let ids: HashSet<&str> = rows.iter().map(|r| r["customer_id"].as_str().unwrap()).collect();
        assert_eq!(ids.len(), rows.len(), "no row on two pages");
        let with: Vec<f64> = rows.iter().map_while(revenue).collect();
        assert!(rows[with.len()..].iter().all(|r| r["opportunity"].is_null()), "no opportunity sorts last");
        assert!(rows.len() > with.len());
        if order.starts_with('-') {
            assert!(with.windows(2).all(|w| w[0] >= w[1]));
        } else {
            assert!(with.windows(2).all(|w| w[0] <= w[1]));
        }
    }
    let rows = e.all_rows(&t, json!({})).await;
    let times: Vec<Option<&str>> = rows.iter().map(|r| r["opportunity"]["last_update_time"].as_str()).collect();
    let some: Vec<&str> = times.iter().map_while(|t| *t).collect();
    assert!(some.windows(2).all(|w| w[0] >= w[1]), "default is -last_update_time");
    let rows = e.all_rows(&t, json!({"order_by": "account_name"})).await;
    let names: Vec<String> = rows.iter().map(|r| r["account_name"].as_str().unwrap().to_lowercase()).collect();
    assert!(names.windows(2).all(|w| w[0] <= w[1]));
    let rows = e.all_rows(&t, json!({"order_by": "-associated_on"})).await;
    let pairs: Vec<(&str, &str)> =
        rows.iter().map(|r| (r["associated_on"].as_str().unwrap(), r["customer_id"].as_str().unwrap())).collect();
    assert!(pairs.windows(2).all(|w| w[0].0 > w[1].0 || (w[0].0 == w[1].0 && w[0].1 < w[1].1)));
    // The same request twice gives the same page.
    let a = e.post(OPPS, &t, json!({"offset": 40, "limit": 20, "order_by": "associated_on"})).await;
    let b = e.post(OPPS, &t, json!({"offset": 40, "limit": 20, "order_by": "associated_on"})).await;
    assert_eq!(a.text, b.text);
}

#[tokio::test]
async fn detail_lists_opportunities_and_hides_invisible_customers() {
    let e = env();
    let li = e.user("hz_distributor", "li.na");
    let t = e.token("hz_distributor", "li.na").await;
    let own = e
        .data()
        .customers
        .iter()
        .filter(|c| c.account_manager == Some(li))
        .max_by_key(|c| c.opportunities.len())
        .unwrap();
    let r = e.get(&format!("/v2/partners/sub-customers/{}/opportunities?limit=100", own.id), &t).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(r.json["total_count"].as_u64(), Some(own.opportunities.len() as u64));
    assert_eq!(r.json["customer"]["opportunity_count"].as_u64(), Some(own.opportunities.len() as u64));
    let times: Vec<&str> =
        r.json["opportunities"].as_array().unwrap().iter().map(|o| o["last_update_time"].as_str().unwrap()).collect();
    assert!(times.windows(2).all(|w| w[0] >= w[1]));
    assert_eq!(r.json["customer"]["opportunity"], r.json["opportunities"][0]);
    let typed: partner_api::opportunities::CustomerOpportunitiesResponse =
        serde_json::from_value(r.json.clone()).unwrap();
    assert_eq!(typed.customer.customer_id, own.id);
    let r = e.get(&format!("/v2/partners/sub-customers/{}/opportunities?offset=1&limit=1", own.id), &t).await;
    assert_eq!(r.json["opportunities"].as_array().unwrap().len(), 1);

    let other = e.data().customers.iter().find(|c| c.account_manager.is_some_and(|am| am != li)).unwrap();
    for id in [other.id.as_str(), "ffffffffffffffffffffffffffffffff", "a%2Fb"] {
        let r = e.get(&format!("/v2/partners/sub-customers/{id}/opportunities"), &t).await;
        assert_eq!((r.status, r.code(), r.msg()), (StatusCode::BAD_REQUEST, "CBC.99000035", "not your sub-customer"));
    }
}

#[tokio::test]
async fn amounts_are_json_numbers_with_two_decimals() {
    let e = env();
    let t = e.token("hz_distributor", "admin").await;
    let r = e.post(OPPS, &t, json!({"order_by": "-expected_monthly_revenue", "limit": 100})).await;
    let mut seen = 0;
    for row in r.json["customer_opportunities"].as_array().unwrap() {
        let o = &row["opportunity"];
        if o.is_null() {
            continue;
        }
        seen += 1;
        let n = o["expected_monthly_revenue"].as_number().expect("a JSON number, not a string").to_string();
        let (_, frac) = n.split_once('.').expect("two decimals");
        assert_eq!(frac.len(), 2, "{n}");
        assert_eq!((o["measure_id"].as_i64(), o["currency"].as_str()), (Some(1), Some("CNY")));
        let v: f64 = n.parse().unwrap();
        assert!((500.0..=500_000.0).contains(&v), "{n}");
    }
    assert!(seen > 50);
    // Straight from the raw text, too.
    assert!(r.text.contains("\"expected_monthly_revenue\":") && !r.text.contains("\"expected_monthly_revenue\":\""));
}

#[tokio::test]
async fn injected_faults_then_success() {
    let e = env();
    let t = e.token("hz_distributor", "admin").await;
    let config = json!({"fail_next": [
        {"kind": "server_error", "count": 1, "path_prefix": "/v2/partners/sub-customers"},
        {"kind": "throttle", "count": 1}
    ]});
    let r = e.call(Method::POST, "/__sandbox/faults", None, Some(config)).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    // Sign-in and the profile (no prefix match for the first entry) are handled in order.
    assert_eq!(e.sign_in_raw("hz_distributor", "admin", PW).await.status, StatusCode::CREATED);
    let r = e.post(C1, &t, json!({})).await;
    assert_eq!(
        (r.status, r.code(), r.msg()),
        (StatusCode::INTERNAL_SERVER_ERROR, "CBC.0999", "internal error (injected)")
    );
    assert!(r.header("x-request-id").is_some());
    let r = e.post(C1, &t, json!({})).await;
    assert_eq!((r.status, r.code()), (StatusCode::TOO_MANY_REQUESTS, "CBC.0250"));
    assert!(partner_api::error::parse_error(429, &r.text, None).is_retryable_read());
    assert_eq!(e.post(C1, &t, json!({})).await.status, StatusCode::OK);

    // Rates: every call fails while error_rate is 1; DELETE clears.
    e.call(Method::POST, "/__sandbox/faults", None, Some(json!({"error_rate": 1.0}))).await;
    assert_eq!(e.get(PROFILE, &t).await.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(e.call(Method::GET, "/__sandbox/health", None, None).await.status, StatusCode::OK);
    let r = e.call(Method::DELETE, "/__sandbox/faults", None, None).await;
    assert_eq!(r.json["error_rate"], 0.0);
    assert_eq!(e.get(PROFILE, &t).await.status, StatusCode::OK);

    let r = e.call(Method::POST, "/__sandbox/faults", None, Some(json!({"error_rate": 2}))).await;
    assert_eq!((r.status, r.msg()), (StatusCode::BAD_REQUEST, "parameter 'error_rate' must be between 0 and 1"));
    let r = e.call(Method::POST, "/__sandbox/faults", None, Some(json!({"fail_next": [{"kind": "explode"}]}))).await;
    assert_eq!((r.status, r.code()), (StatusCode::BAD_REQUEST, "CBC.0100"));
}

#[tokio::test]
async fn get_with_json_content_type_and_no_body_is_fine() {
    let e = env();
    let t = e.token("deepblue_data", "ma.chao").await;
    let req = Request::builder()
        .method(Method::GET)
        .uri(PROFILE)
        .header("x-auth-token", &t)
        .header("content-type", "application/json;charset=UTF-8")
        .body(Body::empty())
        .unwrap();
    let r = e.send(req).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.json["user_name"], "ma.chao");
}

#[test]
fn seeding_is_deterministic() {
    let (a, b, c) = (seed::generate(400, 42), seed::generate(400, 42), seed::generate(400, 7));
    assert_eq!(a.customers[0].id, b.customers[0].id);
    assert_eq!(a.customers[399].account_name, b.customers[399].account_name);
    assert_eq!(a.partners[0].customers, b.partners[0].customers);
    assert_ne!(a.customers[0].id, c.customers[0].id);
    // Partner and people ids do not depend on the seed.
    assert_eq!(a.partners[1].id, c.partners[1].id);
    assert_eq!(a.users[3].id, c.users[3].id);
    // The reseller ids docs/sandbox.md lists.
    let id = |acct: &str| c.partners[c.partner_by_account(acct).unwrap()].id.clone();
    assert_eq!(id("cloudbridge_it"), "d6e50f10bc1f383f07731d885210b65e");
    assert_eq!(id("deepblue_data"), "119d45c8de3cf9065b611461032544f1");
    assert_eq!(id("nimbus_solutions"), "c826384893b3711f37b5fa89dd5013cb");

    // Shape of the data: shares per partner, opportunities, unassigned customers.
    let big = seed::generate(5000, 42);
    let dist = big.partner_by_account("hz_distributor").unwrap();
    let service = big.partner_by_account("huitong_services").unwrap();
    let share = |p: usize| big.customers.iter().filter(|c| c.partner == p).count() as f64 / 5000.0;
    assert!((0.55..0.65).contains(&share(dist)));
    assert!((0.07..0.13).contains(&share(service)));
    let none = big.customers.iter().filter(|c| c.opportunities.is_empty()).count() as f64 / 5000.0;
    assert!((0.1..0.2).contains(&none));
    assert!(big.customers.iter().all(|c| c.opportunities.len() <= 4));
    let unassigned = big.customers.iter().filter(|c| c.account_manager.is_none()).count() as f64 / 5000.0;
    assert!((0.02..0.08).contains(&unassigned));
    let chinese = big.customers.iter().filter(|c| c.customer.ends_with("有限公司")).count() as f64 / 5000.0;
    assert!((0.5..0.7).contains(&chinese));
    let reference = seed::reference_now();
    assert!(big.customers.iter().flat_map(|c| &c.opportunities).all(|o| o.created_time <= o.last_update_time
        && o.last_update_time < reference
        && reference - o.created_time <= chrono::Duration::days(731)));
    let names: HashSet<&str> = big.customers.iter().map(|c| c.account_name.as_str()).collect();
    assert_eq!(names.len(), 5000);
    assert!(big.customers.iter().filter(|c| c.partner == service).all(|c| c.association_type == "1"));
}
