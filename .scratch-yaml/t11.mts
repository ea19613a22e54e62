import { Lexer, CST } from 'yaml';
for (const tok of new Lexer().lex('a: [x,\ty]')) console.log(JSON.stringify(tok), CST.tokenType(tok));
