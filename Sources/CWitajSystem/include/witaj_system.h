#ifndef WITAJ_SYSTEM_H
#define WITAJ_SYSTEM_H

/* System calls that Swift's Glibc module does not show (they need _GNU_SOURCE). */

/* Exchanges two paths in one step (renameat2 with RENAME_EXCHANGE, Linux 3.15+): whoever looks sees one or
   the other, never neither. Returns 0, or -1 with errno set (EINVAL or ENOSYS where the file system or
   kernel cannot). */
int witaj_exchange(const char *a, const char *b);

#endif
