//! The whitelist contract (docs/contracts/whitelist.md) through the router: seeded
//! versions, entries, staged upload with per-row errors and diff, atomic commit with the
//! base_version_no rule, rollback, expiry, roles, and V2 consulting the current version.

mod common;

use axum::http::StatusCode;
use common::*;
use sandbox::seed_coupons::D1;
use serde_json::{json, Value};
use std::collections::HashSet;

fn commit_path(id: &str) -> String {
    format!("{WL_UPLOADS}/{id}/commit")
}

fn changes_path(id: &str, change: &str) -> String {
    format!("{WL_UPLOADS}/{id}/changes?change={change}&limit=100")
}

fn rows_of(ids: &[String]) -> Vec<Value> {
    ids.iter().enumerate().map(|(i, id)| json!({"row_no": i + 2, "customer_id": id})).collect()
}

#[tokio::test]
async fn seeded_versions_and_entries() {
    let e = env();
    let t = e.token(DIST, "admin").await;
    let r = e.get(WL_VERSIONS, &t).await.ok();
    assert_eq!((r["total_count"].as_u64(), r["current_version_no"].as_u64()), (Some(2), Some(2)));
    let v = r["versions"].as_array().unwrap();
    assert_eq!((v[0]["version_no"].as_u64(), v[0]["source"].as_str()), (Some(2), Some("IMPORT")));
    assert_eq!((v[1]["version_no"].as_u64(), v[1]["source"].as_str()), (Some(1), Some("INITIAL")));
    assert_eq!(v[0]["file_name"], "客户白名单-2026Q4.xlsx");
    assert_eq!((v[1]["created_by"].as_str(), v[1]["created_by_name"].as_str()), (Some("admin"), Some("王磊")));
    let resale = e.customers_of(DIST, |c, _| c.association_type == "2").len() as f64;
    let current = v[0]["entry_count"].as_u64().unwrap();
    assert!((0.35..0.65).contains(&(current as f64 / resale)), "{current} of {resale}");
    let (v1, added, removed) = (
        v[1]["entry_count"].as_u64().unwrap(),
        v[0]["added_count"].as_u64().unwrap(),
        v[0]["removed_count"].as_u64().unwrap(),
    );
    assert_eq!(v1 + added - removed, current);
    assert!(added > 0 && removed > 0);

    let entries = e.all(&t, WL_ENTRIES, "entries").await;
    assert_eq!(entries.len() as u64, current);
    assert!(entries.iter().all(|x| x["association_type"] == "2"));
    let ids: HashSet<&str> = entries.iter().map(|x| x["customer_id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), entries.len());
    assert!(entries.iter().any(|x| x["added_in_version"] == 2) && entries.iter().any(|x| x["added_in_version"] == 1));
    let names: Vec<&str> = entries.iter().map(|x| x["account_name"].as_str().unwrap()).collect();
    assert!(names.windows(2).all(|w| w[0].to_lowercase() <= w[1].to_lowercase()));
    let old = e.all(&t, &format!("{WL_ENTRIES}?version_no=1"), "entries").await;
    assert_eq!(old.len() as u64, v1);
    let kw = names[0][..4].to_string();
    let hits = e.all(&t, &format!("{WL_ENTRIES}?keyword={}", kw.to_uppercase()), "entries").await;
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|x| {
        let k = kw.to_lowercase();
        x["account_name"].as_str().unwrap().to_lowercase().contains(&k)
            || x["customer"].as_str().unwrap().to_lowercase().contains(&k)
    }));
    let r = e.get(&format!("{WL_ENTRIES}?version_no=9"), &t).await;
    assert_eq!(r.sc(), (StatusCode::BAD_REQUEST, "CBC.0100"));
    assert!(r.msg().starts_with("parameter 'version_no'"));
    assert_eq!(e.get(&format!("{WL_ENTRIES}?limit=101"), &t).await.sc(), (StatusCode::BAD_REQUEST, "CBC.0100"));

    // An account manager reads only their own customers, counts included.
    let li = e.state.data.user_in(e.partner(DIST), "li.na").unwrap();
    let am = e.token(DIST, "li.na").await;
    let mine = e.all(&am, WL_ENTRIES, "entries").await;
    assert!(!mine.is_empty() && mine.len() < entries.len());
    let own: HashSet<String> =
        e.customers_of(DIST, |c, _| c.account_manager == Some(li)).into_iter().map(|c| e.id(c)).collect();
    assert!(mine.iter().all(|x| own.contains(x["customer_id"].as_str().unwrap())));
    let r = e.get(WL_VERSIONS, &am).await.ok();
    assert_eq!(r["versions"][0]["entry_count"].as_u64(), Some(mine.len() as u64));
    // Resellers keep their own list; service partners have none.
    let rt = e.token(CLOUDBRIDGE, "admin").await;
    let theirs = e.all(&rt, WL_ENTRIES, "entries").await;
    let cb: HashSet<String> = e.customers_of(CLOUDBRIDGE, |_, _| true).into_iter().map(|c| e.id(c)).collect();
    assert!(!theirs.is_empty() && theirs.iter().all(|x| cb.contains(x["customer_id"].as_str().unwrap())));
    let st = e.token(SERVICE, "admin").await;
    assert_eq!(e.get(WL_VERSIONS, &st).await.sc(), (StatusCode::FORBIDDEN, "CBC.0151"));
    assert_eq!(e.get(WL_ENTRIES, &st).await.sc(), (StatusCode::FORBIDDEN, "CBC.0151"));
}

#[tokio::test]
async fn upload_preview_commit_and_v2_uses_the_new_version() {
    let e = env();
    let t = e.token(DIST, "admin").await;
    let current: Vec<String> = e.eligible(DIST).into_iter().map(|c| e.id(c)).collect();
    let outside: Vec<String> = e
        .customers_of(DIST, |c, ix| c.association_type == "2" && !e.whitelisted(DIST, ix))
        .into_iter()
        .map(|c| e.id(c))
        .collect();
    let referral = e.id(e.customers_of(DIST, |c, _| c.association_type == "1")[0]);
    let foreign = e.id(e.customers_of(CLOUDBRIDGE, |_, _| true)[0]);
    let by_name = e.state.data.customer_by_id[&outside[1]];
    let by_name = e.customer(by_name).account_name.clone();
    // New list: all current but the first two, plus two outsiders (one by account name).
    let mut rows = rows_of(&current[2..]);
    let n = rows.len();
    rows.push(json!({"row_no": n + 2, "customer_id": outside[0], "remark": "新增"}));
    rows.push(json!({"row_no": n + 3, "account_name": by_name}));
    rows.push(json!({"row_no": n + 4}));
    rows.push(json!({"row_no": n + 5, "customer_id": "deadbeefdeadbeefdeadbeefdeadbeef"}));
    rows.push(json!({"row_no": n + 6, "customer_id": foreign}));
    rows.push(json!({"row_no": n + 7, "customer_id": referral}));
    rows.push(json!({"row_no": n + 8, "customer_id": outside[0]}));
    rows.push(json!({"row_no": n + 9, "account_name": "x".repeat(65)}));
    let r = e.post(WL_UPLOADS, &t, json!({"file_name": "wl.csv", "rows": rows})).await.ok();
    assert_eq!(r["base_version_no"], 2);
    assert_eq!((r["total_rows"].as_u64(), r["valid_rows"].as_u64()), (Some(n as u64 + 8), Some(n as u64 + 2)));
    assert_eq!(
        (r["added_count"].as_u64(), r["removed_count"].as_u64(), r["unchanged_count"].as_u64()),
        (Some(2), Some(2), Some(n as u64))
    );
    let errs: Vec<(u64, &str)> = r["error_details"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| (x["row_no"].as_u64().unwrap(), x["error_code"].as_str().unwrap()))
        .collect();
    let base = n as u64;
    assert_eq!(
        errs,
        vec![
            (base + 4, "CBC.0100"),
            (base + 5, "CBC.5002"),
            (base + 6, "CBC.99000035"),
            (base + 7, "CBC.99000014"),
            (base + 8, "CBC.50000061"),
            (base + 9, "CBC.0100")
        ]
    );
    assert_eq!(r["error_details"][4]["value"], json!((base + 2).to_string()));
    assert!(r["expires_at"].as_str().unwrap().starts_with("2026-11-20T00:3"));
    let upload = r["upload_id"].as_str().unwrap().to_string();

    let added = e.get(&changes_path(&upload, "added"), &t).await.ok();
    let added_ids: HashSet<&str> =
        added["entries"].as_array().unwrap().iter().map(|x| x["customer_id"].as_str().unwrap()).collect();
    assert_eq!(added_ids, HashSet::from([outside[0].as_str(), outside[1].as_str()]));
    assert!(added["entries"].as_array().unwrap().iter().all(|x| x["added_in_version"] == 3));
    let removed = e.get(&changes_path(&upload, "removed"), &t).await.ok();
    let removed_ids: HashSet<&str> =
        removed["entries"].as_array().unwrap().iter().map(|x| x["customer_id"].as_str().unwrap()).collect();
    assert_eq!(removed_ids, HashSet::from([current[0].as_str(), current[1].as_str()]));
    assert_eq!(e.get(&changes_path(&upload, "unchanged"), &t).await.ok()["total_count"].as_u64(), Some(n as u64));
    let r = e.get(&format!("{WL_UPLOADS}/{upload}/changes"), &t).await;
    assert!(r.msg().starts_with("parameter 'change'"));

    // The base must be current.
    let r = e.post(&commit_path(&upload), &t, json!({"base_version_no": 1})).await;
    assert_eq!(r.sc(), (StatusCode::BAD_REQUEST, "CBC.50000062"));
    let r = e.post(&commit_path(&upload), &t, json!({})).await;
    assert!(r.msg().starts_with("parameter 'base_version_no'"));
    // Before the commit V2 still uses version 2.
    let r = e.post(V2, &t, issue_body(D1, std::slice::from_ref(&outside[0]), "10")).await.ok();
    assert_eq!(r["error_details"][0]["error_code"], "CBC.50000020");
    let r = e.post(&commit_path(&upload), &t, json!({"base_version_no": 2, "remark": "Q1 refresh"})).await.ok();
    assert_eq!(r, json!({"version_no": 3}));
    let r = e.post(&commit_path(&upload), &t, json!({"base_version_no": 3})).await;
    assert_eq!(r.sc(), (StatusCode::BAD_REQUEST, "CBC.50000063"));
    let v = e.get(WL_VERSIONS, &t).await.ok();
    assert_eq!(v["current_version_no"], 3);
    let v3 = &v["versions"][0];
    assert_eq!(
        (v3["source"].as_str(), v3["file_name"].as_str(), v3["remark"].as_str()),
        (Some("IMPORT"), Some("wl.csv"), Some("Q1 refresh"))
    );
    assert_eq!((v3["added_count"].as_u64(), v3["removed_count"].as_u64()), (Some(2), Some(2)));
    let entry = e.get(&format!("{WL_ENTRIES}?keyword={}", outside[0]), &t).await.ok();
    assert_eq!(entry["entries"][0]["remark"], "新增");

    // V2 now follows version 3.
    let r = e.post(V2, &t, issue_body(D1, &[outside[0].clone(), current[0].clone()], "10")).await.ok();
    assert_eq!(r["coupon_infos"][0]["id"], json!(outside[0]));
    assert_eq!(r["error_details"][0]["id"], json!(current[0]));
    assert_eq!(r["error_details"][0]["error_code"], "CBC.50000020");

    // Roll back to version 2: a new version 4 with version 2's entries.
    let r = e.post(&format!("{WL_VERSIONS}/2/rollback"), &t, json!({"base_version_no": 2})).await;
    assert_eq!(r.sc(), (StatusCode::BAD_REQUEST, "CBC.50000062"));
    let r =
        e.post(&format!("{WL_VERSIONS}/2/rollback"), &t, json!({"base_version_no": 3, "remark": "undo"})).await.ok();
    assert_eq!(r, json!({"version_no": 4}));
    let v = e.get(WL_VERSIONS, &t).await.ok();
    assert_eq!(
        (v["versions"][0]["source"].as_str(), v["versions"][0]["rollback_of"].as_u64()),
        (Some("ROLLBACK"), Some(2))
    );
    let now: HashSet<String> =
        e.all(&t, WL_ENTRIES, "entries").await.iter().map(|x| x["customer_id"].as_str().unwrap().to_string()).collect();
    assert_eq!(now, current.iter().cloned().collect::<HashSet<_>>());
    let r = e.post(V2, &t, issue_body(D1, &[outside[0].clone(), current[0].clone()], "10")).await.ok();
    assert_eq!(r["coupon_infos"][0]["id"], json!(current[0]));
    assert_eq!(r["error_details"][0]["error_code"], "CBC.50000020");
    for (path, param) in [
        ("/v2/partners/coupon-whitelist/versions/4/rollback", "version_no"),
        ("/v2/partners/coupon-whitelist/versions/99/rollback", "version_no"),
        ("/v2/partners/coupon-whitelist/versions/x/rollback", "version_no"),
    ] {
        let r = e.post(path, &t, json!({"base_version_no": 4})).await;
        assert_eq!(r.sc(), (StatusCode::BAD_REQUEST, "CBC.0100"), "{path}");
        assert!(r.msg().starts_with(&format!("parameter '{param}'")));
    }
}

#[tokio::test]
async fn uploads_expire_need_valid_rows_and_are_staged_again_after_a_change() {
    let e = env();
    let t = e.token(DIST, "zhang.wei").await;
    let ids: Vec<String> = e.eligible(DIST).into_iter().map(|c| e.id(c)).collect();
    let r = e
        .post(WL_UPLOADS, &t, json!({"file_name": "bad.csv", "rows": [{"row_no": 2, "customer_id": "nope"}]}))
        .await
        .ok();
    let bad = r["upload_id"].as_str().unwrap().to_string();
    assert_eq!(r["valid_rows"], 0);
    let r = e.post(&commit_path(&bad), &t, json!({"base_version_no": 2})).await;
    assert_eq!(r.sc(), (StatusCode::BAD_REQUEST, "CBC.50000064"));

    // Two uploads on the same base: the first commit wins, the second must stage again.
    let sup_ids: Vec<String> = {
        let zw = e.state.data.user_in(e.partner(DIST), "zhang.wei").unwrap();
        e.eligible(DIST)
            .into_iter()
            .filter(|&c| e.customer(c).account_manager.is_some_and(|am| e.state.data.users[am].supervisor == Some(zw)))
            .map(|c| e.id(c))
            .collect()
    };
    let a = e.post(WL_UPLOADS, &t, json!({"file_name": "a.csv", "rows": rows_of(&sup_ids[1..])})).await.ok();
    let b = e.post(WL_UPLOADS, &t, json!({"file_name": "b.csv", "rows": rows_of(&sup_ids)})).await.ok();
    // A supervisor's file covers only their team: everyone else stays on the list.
    assert_eq!((a["removed_count"].as_u64(), a["added_count"].as_u64()), (Some(1), Some(0)));
    e.post(&commit_path(a["upload_id"].as_str().unwrap()), &t, json!({"base_version_no": 2})).await.ok();
    let r = e.post(&commit_path(b["upload_id"].as_str().unwrap()), &t, json!({"base_version_no": 3})).await;
    assert_eq!(r.sc(), (StatusCode::BAD_REQUEST, "CBC.50000062"));
    let admin = e.token(DIST, "admin").await;
    let total = e.all(&admin, WL_ENTRIES, "entries").await.len();
    assert_eq!(total, ids.len() - 1);

    // Expiry after 30 minutes of the business clock.
    let c = e.post(WL_UPLOADS, &t, json!({"file_name": "c.csv", "rows": rows_of(&sup_ids)})).await.ok();
    let c = c["upload_id"].as_str().unwrap().to_string();
    e.get(&changes_path(&c, "added"), &t).await.ok();
    e.control("/__sandbox/voucher-clock", json!({"seconds": 31 * 60})).await;
    assert_eq!(e.get(&changes_path(&c, "added"), &t).await.sc(), (StatusCode::BAD_REQUEST, "CBC.50000063"));
    assert_eq!(
        e.post(&commit_path(&c), &t, json!({"base_version_no": 3})).await.sc(),
        (StatusCode::BAD_REQUEST, "CBC.50000063")
    );
    assert_eq!(
        e.post(&commit_path("WLUnope"), &t, json!({"base_version_no": 3})).await.sc(),
        (StatusCode::BAD_REQUEST, "CBC.50000063")
    );
}

#[tokio::test]
async fn upload_validation_and_roles() {
    let e = env();
    let t = e.token(DIST, "admin").await;
    let row = json!([{"row_no": 2, "customer_id": "x"}]);
    for (body, param) in [
        (json!({"rows": row}), "file_name"),
        (json!({"file_name": "a.csv"}), "rows"),
        (json!({"file_name": "a.csv", "rows": []}), "rows"),
        (json!({"file_name": "a.csv", "rows": [{"row_no": 2, "remark": "r".repeat(257), "customer_id": "x"}]}), "rows"),
        (json!({"file_name": "a.csv", "rows": "nope"}), "rows"),
    ] {
        let r = e.post(WL_UPLOADS, &t, body.clone()).await;
        assert_eq!(r.sc(), (StatusCode::BAD_REQUEST, "CBC.0100"), "{body}");
        assert!(r.msg().starts_with(&format!("parameter '{param}'")), "{}", r.msg());
    }
    let many: Vec<Value> = (0..10_001).map(|i| json!({"row_no": i + 2, "customer_id": "x"})).collect();
    let r = e.post(WL_UPLOADS, &t, json!({"file_name": "a.csv", "rows": many})).await;
    assert_eq!(r.sc(), (StatusCode::BAD_REQUEST, "CBC.0100"));
    let am = e.token(DIST, "li.na").await;
    assert_eq!(
        e.post(WL_UPLOADS, &am, json!({"file_name": "a.csv", "rows": row})).await.sc(),
        (StatusCode::FORBIDDEN, "CBC.0151")
    );
    let r = e.post(&format!("{WL_VERSIONS}/1/rollback"), &am, json!({"base_version_no": 2})).await;
    assert_eq!(r.sc(), (StatusCode::FORBIDDEN, "CBC.0151"));
    let st = e.token(SERVICE, "admin").await;
    assert_eq!(
        e.post(WL_UPLOADS, &st, json!({"file_name": "a.csv", "rows": row})).await.sc(),
        (StatusCode::FORBIDDEN, "CBC.0151")
    );
    // Another partner's upload is unknown here.
    let r = e.post(WL_UPLOADS, &t, json!({"file_name": "a.csv", "rows": row})).await.ok();
    let rt = e.token(CLOUDBRIDGE, "admin").await;
    let r = e.post(&commit_path(r["upload_id"].as_str().unwrap()), &rt, json!({"base_version_no": 2})).await;
    assert_eq!(r.sc(), (StatusCode::BAD_REQUEST, "CBC.50000063"));
}

const WL_CHUNKED: &str = "/v2/partners/coupon-whitelist/chunked-uploads";

fn upload_path(id: &str, what: &str) -> String {
    format!("{WL_UPLOADS}/{id}/{what}")
}

async fn entry_ids(e: &Env, t: &str) -> HashSet<String> {
    e.all(t, WL_ENTRIES, "entries").await.iter().map(|x| x["customer_id"].as_str().unwrap().to_string()).collect()
}

#[tokio::test]
async fn ids_that_are_not_normalised_32_hex_are_format_errors_and_names_match_any_case() {
    let e = env();
    let t = e.token(DIST, "admin").await;
    let outside: Vec<String> = e
        .customers_of(DIST, |c, ix| c.association_type == "2" && !e.whitelisted(DIST, ix))
        .into_iter()
        .map(|c| e.id(c))
        .collect();
    let name = e.customer(e.state.data.customer_by_id[&outside[1]]).account_name.to_uppercase();
    let full: String = outside[0].chars().map(|c| char::from_u32(c as u32 + 0xFEE0).unwrap()).collect();
    let rows = json!([
        {"row_no": 2, "customer_id": outside[0].to_uppercase()},
        {"row_no": 3, "customer_id": full},
        {"row_no": 4, "customer_id": &outside[0][..31]},
        {"row_no": 5, "customer_id": format!("{}\u{200B}{}", &outside[0][..4], &outside[0][4..])},
        {"row_no": 6, "customer_id": "no-such-customer"},
        {"row_no": 7, "account_name": name},
    ]);
    let r = e.post(WL_UPLOADS, &t, json!({"file_name": "ids.csv", "rows": rows})).await.ok();
    let errs: Vec<(u64, &str, &str)> = r["error_details"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| (x["row_no"].as_u64().unwrap(), x["error_code"].as_str().unwrap(), x["kind"].as_str().unwrap()))
        .collect();
    assert_eq!(
        errs,
        vec![
            (2, "CBC.0100", "ID_NOT_HEX"),
            (3, "CBC.0100", "ID_NOT_HEX"),
            (4, "CBC.0100", "ID_LENGTH"),
            (5, "CBC.0100", "ID_INVISIBLE"),
            (6, "CBC.0100", "ID_LOOKS_LIKE_NAME"),
        ]
    );
    assert_eq!(r["added_count"], 1, "the account name in capitals is that customer");
}

#[tokio::test]
async fn a_200k_row_file_in_chunks_with_a_retried_chunk_is_staged_once_and_committed_atomically() {
    let e = env();
    let t = e.token(DIST, "admin").await;
    let before = entry_ids(&e, &t).await;
    let current: Vec<String> = e.eligible(DIST).into_iter().map(|c| e.id(c)).collect();
    let outside = e.id(e.customers_of(DIST, |c, ix| c.association_type == "2" && !e.whitelisted(DIST, ix))[0]);
    // The new list: all current but the first, one newcomer, then filler rows naming
    // customers that do not exist, up to 200,000 rows.
    let mut ids: Vec<String> = current[1..].to_vec();
    ids.push(outside.clone());
    let valid = ids.len();
    ids.extend((ids.len()..200_000).map(|i| format!("dead{i:028x}")));
    let rows = rows_of(&ids);
    let chunks: Vec<&[Value]> = rows.chunks(5_000).collect();
    let open = json!({"file_name": "big.csv", "total_rows": 200_000, "chunk_count": chunks.len()});
    let o = e.post(WL_CHUNKED, &t, open).await.ok();
    let id = o["upload_id"].as_str().unwrap().to_string();
    assert_eq!(o["max_chunk_rows"], 10_000);
    for (i, c) in chunks.iter().enumerate() {
        let r = e.post(&upload_path(&id, "chunks"), &t, json!({"seq": i + 1, "rows": c})).await.ok();
        assert_eq!(r["received_rows"].as_u64(), Some(5_000 * (i as u64 + 1)));
        if i == 2 {
            // The answer was lost; the same chunk is sent again: still counted once.
            let r = e.post(&upload_path(&id, "chunks"), &t, json!({"seq": 3, "rows": c})).await.ok();
            assert_eq!((r["received_chunks"].as_u64(), r["received_rows"].as_u64()), (Some(3), Some(15_000)));
        }
    }
    // Receiving and staging change nothing yet.
    assert_eq!(entry_ids(&e, &t).await, before);
    let r = e.post(&upload_path(&id, "finish"), &t, json!({})).await.ok();
    assert_eq!((r["total_rows"].as_u64(), r["valid_rows"].as_u64()), (Some(200_000), Some(valid as u64)));
    assert_eq!(
        (r["added_count"].as_u64(), r["removed_count"].as_u64(), r["unchanged_count"].as_u64()),
        (Some(1), Some(1), Some(valid as u64 - 1))
    );
    // The answer carries the count and the first page of refused rows; the rest is paged.
    let refused = 200_000 - valid;
    assert_eq!(r["error_count"].as_u64(), Some(refused as u64));
    let first = r["error_details"].as_array().unwrap();
    assert_eq!(first.len(), 100);
    assert_eq!(first[0]["row_no"].as_u64(), Some(valid as u64 + 2));
    let mut errs = Vec::new();
    while errs.len() < refused {
        let page = e.get(&format!("{}?offset={}&limit=1000", upload_path(&id, "errors"), errs.len()), &t).await.ok();
        assert_eq!(page["total_count"].as_u64(), Some(refused as u64));
        let rows = page["error_details"].as_array().unwrap();
        assert!(!rows.is_empty() && rows.len() <= 1_000);
        errs.extend(rows.iter().cloned());
    }
    assert_eq!(&errs[..100], &first[..]);
    assert!(errs.iter().all(|x| x["error_code"] == "CBC.5002"));
    let nos: Vec<u64> = errs.iter().map(|x| x["row_no"].as_u64().unwrap()).collect();
    assert_eq!(nos, (valid as u64 + 2..200_002).collect::<Vec<_>>(), "every refused row once, by row number");
    // Bounds, and other partners cannot read them.
    let errors = upload_path(&id, "errors");
    assert_eq!(e.get(&format!("{errors}?limit=1001"), &t).await.code(), "CBC.0100");
    assert_eq!(e.get(&format!("{errors}?offset=-1"), &t).await.code(), "CBC.0100");
    let other = e.token(CLOUDBRIDGE, "admin").await;
    assert_eq!(e.get(&errors, &other).await.code(), "CBC.50000063");
    assert_eq!(e.post(&upload_path(&id, "finish"), &t, json!({})).await.code(), "CBC.50000063");
    assert_eq!(entry_ids(&e, &t).await, before);
    let c = e.post(&commit_path(&id), &t, json!({"base_version_no": 2})).await.ok();
    assert_eq!(c["version_no"], 3);
    let after = entry_ids(&e, &t).await;
    assert_eq!(after, ids[..valid].iter().cloned().collect::<HashSet<_>>());
    // Committed: cancelling it now is refused and changes nothing.
    assert_eq!(e.post(&upload_path(&id, "cancel"), &t, json!({})).await.code(), "CBC.50000063");
    assert_eq!(entry_ids(&e, &t).await, after);
}

#[tokio::test]
async fn cancelled_or_incomplete_chunked_uploads_leave_the_current_version_as_it_was() {
    let e = env();
    let t = e.token(DIST, "admin").await;
    let before = entry_ids(&e, &t).await;
    let rows = rows_of(&["a".into(), "b".into(), "c".into()]);
    let open = |n: u64, chunks: u64| json!({"file_name": "c.csv", "total_rows": n, "chunk_count": chunks});

    // Cancel while receiving: the chunks are gone, later chunks and finish are refused.
    let id = e.post(WL_CHUNKED, &t, open(3, 2)).await.ok()["upload_id"].as_str().unwrap().to_string();
    e.post(&upload_path(&id, "chunks"), &t, json!({"seq": 1, "rows": rows[..2]})).await.ok();
    let r = e.post(&upload_path(&id, "cancel"), &t, json!({})).await.ok();
    assert_eq!(r, json!({"upload_id": id, "cancelled": true}));
    assert_eq!(e.post(&upload_path(&id, "cancel"), &t, json!({})).await.ok()["cancelled"], true, "a retried cancel");
    let r = e.post(&upload_path(&id, "chunks"), &t, json!({"seq": 2, "rows": rows[2..]})).await;
    assert_eq!(r.sc(), (StatusCode::BAD_REQUEST, "CBC.50000063"));
    assert_eq!(e.post(&upload_path(&id, "finish"), &t, json!({})).await.code(), "CBC.50000063");

    // A missing chunk: finish names it and keeps what arrived, so the chunk can follow.
    let id = e.post(WL_CHUNKED, &t, open(3, 2)).await.ok()["upload_id"].as_str().unwrap().to_string();
    e.post(&upload_path(&id, "chunks"), &t, json!({"seq": 1, "rows": rows[..2]})).await.ok();
    let r = e.post(&upload_path(&id, "finish"), &t, json!({})).await;
    assert_eq!(r.sc(), (StatusCode::BAD_REQUEST, "CBC.0100"));
    assert_eq!(r.msg(), "parameter 'chunks' 1 missing: 2");
    // More rows than announced is refused and not kept.
    let r = e.post(&upload_path(&id, "chunks"), &t, json!({"seq": 2, "rows": rows})).await;
    assert!(r.msg().starts_with("parameter 'rows'"), "{}", r.msg());
    e.post(&upload_path(&id, "chunks"), &t, json!({"seq": 2, "rows": rows[2..]})).await.ok();
    let staged = e.post(&upload_path(&id, "finish"), &t, json!({})).await.ok();
    assert_eq!(staged["total_rows"], 3);
    // Cancel a staged upload before its commit: the commit is refused.
    e.post(&upload_path(&id, "cancel"), &t, json!({})).await.ok();
    let r = e.post(&commit_path(&id), &t, json!({"base_version_no": 2})).await;
    assert_eq!(r.sc(), (StatusCode::BAD_REQUEST, "CBC.50000063"));
    assert_eq!(entry_ids(&e, &t).await, before);
    assert_eq!(e.get(WL_VERSIONS, &t).await.ok()["current_version_no"], 2);
}

#[tokio::test]
async fn chunked_upload_validation_and_roles() {
    let e = env();
    let t = e.token(DIST, "admin").await;
    for (body, param) in [
        (json!({"total_rows": 3, "chunk_count": 1}), "file_name"),
        (json!({"file_name": "a.csv", "chunk_count": 1}), "total_rows"),
        (json!({"file_name": "a.csv", "total_rows": 200_001, "chunk_count": 30}), "total_rows"),
        (json!({"file_name": "a.csv", "total_rows": 3, "chunk_count": 4}), "chunk_count"),
        (json!({"file_name": "a.csv", "total_rows": 3, "chunk_count": 0}), "chunk_count"),
    ] {
        let r = e.post(WL_CHUNKED, &t, body.clone()).await;
        assert_eq!(r.sc(), (StatusCode::BAD_REQUEST, "CBC.0100"), "{body}");
        assert!(r.msg().starts_with(&format!("parameter '{param}'")), "{}", r.msg());
    }
    let open = json!({"file_name": "a.csv", "total_rows": 20_000, "chunk_count": 2});
    let id = e.post(WL_CHUNKED, &t, open.clone()).await.ok()["upload_id"].as_str().unwrap().to_string();
    let row = json!([{"row_no": 2, "customer_id": "x"}]);
    for (body, param) in [
        (json!({"seq": 3, "rows": row}), "seq"),
        (json!({"rows": row}), "seq"),
        (json!({"seq": 1, "rows": []}), "rows"),
        (json!({"seq": 1, "rows": rows_of(&vec!["x".to_string(); 10_001])}), "rows"),
    ] {
        let r = e.post(&upload_path(&id, "chunks"), &t, body.clone()).await;
        assert_eq!(r.sc(), (StatusCode::BAD_REQUEST, "CBC.0100"), "{param}");
        assert!(r.msg().starts_with(&format!("parameter '{param}'")), "{}", r.msg());
    }
    // Rows numbered twice across chunks are refused at finish.
    let id2 = e.post(WL_CHUNKED, &t, json!({"file_name": "d.csv", "total_rows": 2, "chunk_count": 2})).await.ok()
        ["upload_id"]
        .as_str()
        .unwrap()
        .to_string();
    for seq in [1, 2] {
        e.post(&upload_path(&id2, "chunks"), &t, json!({"seq": seq, "rows": row})).await.ok();
    }
    let r = e.post(&upload_path(&id2, "finish"), &t, json!({})).await;
    assert_eq!(r.msg(), "parameter 'rows' row_no 2 appears twice");
    // Roles and partners.
    let am = e.token(DIST, "li.na").await;
    assert_eq!(e.post(WL_CHUNKED, &am, open.clone()).await.sc(), (StatusCode::FORBIDDEN, "CBC.0151"));
    let rt = e.token(CLOUDBRIDGE, "admin").await;
    let r = e.post(&upload_path(&id, "chunks"), &rt, json!({"seq": 1, "rows": row})).await;
    assert_eq!(r.sc(), (StatusCode::BAD_REQUEST, "CBC.50000063"));
    assert_eq!(e.post(&upload_path(&id, "cancel"), &rt, json!({})).await.code(), "CBC.50000063");
    // Expiry follows the business clock.
    e.control("/__sandbox/voucher-clock", json!({"seconds": 31 * 60})).await;
    let r = e.post(&upload_path(&id, "chunks"), &t, json!({"seq": 1, "rows": row})).await;
    assert_eq!(r.sc(), (StatusCode::BAD_REQUEST, "CBC.50000063"));
}

const WL_RESOLVE: &str = "/v2/partners/coupon-whitelist/resolve";

#[tokio::test]
async fn resolve_answers_every_key_in_order_in_one_call() {
    let e = env();
    let t = e.token(DIST, "admin").await;
    let listed = e.eligible(DIST);
    let off = e.customers_of(DIST, |c, ix| c.association_type == "2" && !e.whitelisted(DIST, ix))[0];
    let foreign = e.id(e.customers_of(CLOUDBRIDGE, |_, _| true)[0]);
    let by_name = e.customer(listed[1]).account_name.to_uppercase();
    let mut keys = vec![e.id(listed[0]), by_name.clone(), e.id(off), foreign.clone(), "no-such".into()];
    // A thousand keys in one call (the rest repeat the first).
    keys.resize(1_000, e.id(listed[0]));
    let r = e.post(WL_RESOLVE, &t, json!({ "keys": keys })).await.ok();
    assert_eq!(r["version_no"], 2);
    let res = r["results"].as_array().unwrap();
    assert_eq!(res.len(), 1_000);
    let st: Vec<&str> = res[..5].iter().map(|x| x["status"].as_str().unwrap()).collect();
    assert_eq!(st, ["WHITELISTED", "WHITELISTED", "NOT_WHITELISTED", "NOT_CUSTOMER", "NOT_CUSTOMER"]);
    assert_eq!(res[1]["key"], by_name.as_str());
    assert_eq!(res[1]["customer_id"], e.id(listed[1]).as_str());
    assert_eq!(res[0]["account_name"], e.customer(listed[0]).account_name.as_str());
    assert!(res[2].get("customer_id").is_none() && res[3].get("customer_id").is_none());
    assert_eq!(res[999]["customer_id"], e.id(listed[0]).as_str());

    // An account manager resolves only their own customers: others are NOT_CUSTOMER.
    let li = e.state.data.user_in(e.partner(DIST), "li.na").unwrap();
    let not_mine = e.customers_of(DIST, |c, ix| c.account_manager != Some(li) && e.whitelisted(DIST, ix))[0];
    let am = e.token(DIST, "li.na").await;
    let r = e.post(WL_RESOLVE, &am, json!({ "keys": [e.id(not_mine)] })).await.ok();
    assert_eq!(r["results"][0]["status"], "NOT_CUSTOMER");

    // Limits and roles.
    for bad in [json!({}), json!({"keys": []}), json!({"keys": [""]}), json!({"keys": ["x".repeat(65)]})] {
        let r = e.post(WL_RESOLVE, &t, bad).await;
        assert_eq!(r.sc(), (StatusCode::BAD_REQUEST, "CBC.0100"));
        assert!(r.msg().starts_with("parameter 'keys'"), "{}", r.msg());
    }
    let r = e.post(WL_RESOLVE, &t, json!({ "keys": vec!["a"; 1_001] })).await;
    assert_eq!(r.sc(), (StatusCode::BAD_REQUEST, "CBC.0100"));
    let st = e.token(SERVICE, "admin").await;
    assert_eq!(e.post(WL_RESOLVE, &st, json!({"keys": ["a"]})).await.sc(), (StatusCode::FORBIDDEN, "CBC.0151"));
}
