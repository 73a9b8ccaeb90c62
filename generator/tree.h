/*
 * tree.h: text dumps of the expanded document for golden tests and
 * for users debugging a template (briefgen build -f tree).
 *
 * Who may include this: main.
 */
#ifndef TREE_H
#define TREE_H

#include "aux.h"
#include "doc.h"

void	 tree_dump(const struct doc *, struct buf *);

#endif /* !TREE_H */
