//! A page as plain data: sections with headings, paragraphs, lists, tables and a chart. Views that
//! are mostly figures and sentences (the comparison) are laid out as blocks in the domain, so their
//! words and figures are tested natively, and the page renders each kind of block with one small
//! view, whatever the number of tables and lists (each distinct view costs wasm).

/// One block of a page.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A titled section: `h2` at the top of a page, `h3` inside another section. The id labels it.
    Section {
        id: &'static str,
        title: String,
        body: Vec<Block>,
    },
    Para(String),
    /// A paragraph that stands out (a summary).
    Lead(String),
    /// A smaller, muted paragraph.
    Note(String),
    /// A paragraph to heed (the questions changed between two assessments).
    Warn(String),
    List(Vec<String>),
    Table(Table),
    /// Scores per dimension of several assessments, drawn on polar axes with a legend.
    Chart(Chart),
}

/// A table whose rows are named by their first cell.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub caption: String,
    pub head: Vec<String>,
    pub rows: Vec<(String, Vec<String>)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    pub labels: Vec<String>,
    /// Name and values (0 to 5, `None` where there are not enough answers) of each series.
    pub series: Vec<(String, Vec<Option<f64>>)>,
}

impl Block {
    /// Every text of the block, in reading order (what a test or a screen reader finds).
    pub fn text(&self) -> String {
        let mut out = Vec::new();
        self.collect(&mut out);
        out.join("\n")
    }

    fn collect(&self, out: &mut Vec<String>) {
        match self {
            Block::Section { title, body, .. } => {
                out.push(title.clone());
                body.iter().for_each(|b| b.collect(out));
            }
            Block::Para(t) | Block::Lead(t) | Block::Note(t) | Block::Warn(t) => {
                out.push(t.clone())
            }
            Block::List(items) => out.extend(items.iter().cloned()),
            Block::Table(t) => {
                out.push(t.caption.clone());
                out.push(t.head.join(" | "));
                for (name, cells) in &t.rows {
                    out.push(format!("{name} | {}", cells.join(" | ")));
                }
            }
            Block::Chart(c) => out.extend(c.series.iter().map(|(n, _)| n.clone())),
        }
    }
}

/// All the text of some blocks.
pub fn text(blocks: &[Block]) -> String {
    blocks
        .iter()
        .map(Block::text)
        .collect::<Vec<_>>()
        .join("\n")
}
