import { parseAllDocuments } from 'yaml';
const cases: Record<string,string> = {
 alpine: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: \"x\"\nspec:\n  containers:\n  - name: waiter\n    image: \"alpine:3.9\"\n    command: [\"/bin/sleep\",\"9000\"]\ninvalid",
 fze1: "a: 1\nb: 2\nc: 3\nd: 4\ne: 5\nf: 6\ng: 7\nh: 8\ndup: x\n  bad indent: 1\n  z0: 2\n",
 fze140: "a: 1\nb: 2\nc: 3\nd: 4\ne: 5\nf: 6\ng: 7\nh: 8\nk2: 1\n- list item at top\n",
 fze24: "a: 1\nb: 2\nc: 3\nd: 4\ne: 5\nf: 6\ng: 7\nh: 8\n\tkey: tab\n  z0: 1\n",
 flow: "a: [1, 2\nb: 3\n",
 flow1: "[a, b",
 seqnot: "a: - b\n",
 quoted: "a: \"abc\n",
 badanchor: "a: *x\n",
 nodecontent: "a: [}\n",
 docstart: "a\nb: c\n",
 seqind: "- a\nb: c\n",
 at: "a: @x\n",
};
for (const [k, t] of Object.entries(cases)) {
  const docs = parseAllDocuments(t, { version: '1.1', schema: 'failsafe', uniqueKeys: false, merge: false, prettyErrors: false });
  const d = (docs as any)[0];
  console.log(k, JSON.stringify(d?.errors?.map((e:any)=>[e.code, e.message, e.linePos?.[0], e.pos])));
}
