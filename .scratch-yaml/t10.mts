import { Lexer, CST } from 'yaml';
for (const t of ["key:\tvalue\n- \tx\na: |\n  in\tblock\nb: [x,\t y]\n\t\nc: v\t# c\n"]) {
  for (const tok of new Lexer().lex(t)) console.log(JSON.stringify(tok), CST.tokenType(tok));
}
