//! Reading a service catalogue's CSV as spreadsheets and service-management tools write it, and
//! the hostile files a reader may pick by mistake.
#![cfg(not(target_arch = "wasm32"))]

use bita::model::catalogue_csv::{read, read_lines, CsvError, MAX_BYTES, MAX_ENTRIES, MAX_LINE};

fn names(bytes: &[u8]) -> Vec<String> {
    let t = read(bytes).unwrap_or_else(|e| panic!("{e}"));
    t.column(t.name_column())
}

#[test]
fn commas_semicolons_and_tabs_are_found_from_the_header() {
    for (sep, text) in [
        (
            ',',
            "Service,Description\nPayroll,Pays staff\nVPN,Remote access\n",
        ),
        (
            ';',
            "Service;Description\nPayroll;Pays staff, monthly\nVPN;Remote access\n",
        ),
        (
            '\t',
            "Service\tDescription\nPayroll\tPays staff; monthly\nVPN\tRemote access\n",
        ),
    ] {
        let t = read(text.as_bytes()).unwrap();
        assert_eq!(t.separator, sep);
        assert_eq!(t.header, ["Service", "Description"]);
        assert_eq!(t.column(0), ["Payroll", "VPN"]);
        assert_eq!(t.description_column(), Some(1));
    }
}

#[test]
fn quoted_fields_hold_separators_doubled_quotes_and_line_ends() {
    let text = "Name,Description\r\n\"SAP, finance\",\"The \"\"core\"\" system\r\nsince 2010\"\r\n  Email  ,\r\n\r\n";
    let t = read(text.as_bytes()).unwrap();
    assert_eq!(t.column(0), ["SAP, finance", "Email"]);
    assert_eq!(t.column(1), ["The \"core\" system\nsince 2010", ""]);
}

#[test]
fn the_name_column_is_the_one_its_header_names() {
    let t = read(b"Id;Owner;Service name;Summary\n1;Ann;Payroll;Pays staff\n").unwrap();
    assert_eq!(t.name_column(), 2);
    assert_eq!(t.description_column(), Some(3));
    // No header says so: the first column.
    let t = read(b"A,B\nPayroll,x\n").unwrap();
    assert_eq!((t.name_column(), t.description_column()), (0, None));
}

#[test]
fn utf8_with_a_mark_utf16_and_windows_1252_read_alike() {
    let text = "Name;Description\nCafé ordering – canteen;“Menus”\n";
    let mut utf8_bom = vec![0xEF, 0xBB, 0xBF];
    utf8_bom.extend(text.as_bytes());
    let mut le = vec![0xFF, 0xFE];
    le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let mut be = vec![0xFE, 0xFF];
    be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    let le_unmarked: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    // Windows-1252: é is 0xE9, the dash 0x96, the quotes 0x93 and 0x94.
    let cp1252: Vec<u8> =
        b"Name;Description\nCaf\xe9 ordering \x96 canteen;\x93Menus\x94\n".to_vec();
    for bytes in [
        text.as_bytes().to_vec(),
        utf8_bom,
        le,
        be,
        le_unmarked,
        cp1252,
    ] {
        let t = read(&bytes).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(t.column(0), ["Café ordering – canteen"], "{bytes:?}");
        assert_eq!(t.column(1), ["“Menus”"]);
    }
}

#[test]
fn a_cell_that_looks_like_a_formula_stays_text() {
    assert_eq!(
        names(b"Name\n=HYPERLINK(\"http://x\")\n@SUM(A1)\n"),
        ["=HYPERLINK(\"http://x\")", "@SUM(A1)"]
    );
}

#[test]
fn hostile_files_are_refused_with_what_is_wrong() {
    // A picture.
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01";
    assert_eq!(read(png), Err(CsvError::NotText));
    // Nothing, a header alone, blank rows.
    assert_eq!(read(b""), Err(CsvError::Empty));
    assert_eq!(read(b"Name,Description\n"), Err(CsvError::Empty));
    assert_eq!(read(b"Name\n , \n\n"), Err(CsvError::Empty));
    // One gigantic line.
    let long = format!("Name\n{}\n", "x".repeat(MAX_LINE + 1));
    assert_eq!(read(long.as_bytes()), Err(CsvError::LineTooLong(2)));
    // Over the size limit, checked before anything is read.
    let big = vec![b'a'; MAX_BYTES + 1];
    assert_eq!(read(&big), Err(CsvError::TooLarge(MAX_BYTES + 1)));
    // More entries than a catalogue takes.
    let many = format!("Name\n{}", "Service\n".repeat(MAX_ENTRIES + 1));
    assert_eq!(
        read(many.as_bytes()),
        Err(CsvError::TooManyEntries(MAX_ENTRIES + 1))
    );
    // Every message says what is wrong, in a sentence.
    for e in [
        CsvError::NotText,
        CsvError::Empty,
        CsvError::LineTooLong(2),
        CsvError::TooLarge(MAX_BYTES + 1),
        CsvError::TooManyEntries(MAX_ENTRIES + 1),
    ] {
        let m = e.to_string();
        assert!(m.ends_with('.') && m.len() > 30, "{m}");
    }
}

#[test]
fn pasted_names_are_one_per_line() {
    assert_eq!(
        read_lines("  SAP \r\n\nOnboarding new staff\n\tVPN").unwrap(),
        ["SAP", "Onboarding new staff", "VPN"]
    );
    assert_eq!(read_lines(" \n\n"), Err(CsvError::Empty));
}

proptest::proptest! {
    /// Whatever a reader picks, the answer is a table or an error, never a panic.
    #[test]
    fn any_bytes_give_a_table_or_an_error(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..3000)) {
        if let Ok(t) = read(&bytes) {
            proptest::prop_assert!(!t.rows.is_empty() && t.rows.len() <= MAX_ENTRIES);
        }
    }

    /// Cells written as a spreadsheet quotes them read back as they were.
    #[test]
    fn quoted_cells_read_back(cells in proptest::collection::vec("[a-zA-Z0-9 ,;\"\n=éü–]{1,20}", 1..20)) {
        let quote = |c: &str| format!("\"{}\"", c.replace('"', "\"\""));
        let text = format!("Name,Other\n{}", cells.iter().map(|c| format!("{},x\n", quote(c))).collect::<String>());
        let t = read(text.as_bytes());
        let want: Vec<String> = cells.iter().map(|c| c.trim().to_string()).collect();
        if want.iter().any(|w| !w.is_empty()) {
            // Every row has its "x": none is left out as blank.
            proptest::prop_assert_eq!(t.unwrap().column(0), want);
        }
    }
}
