/* SPDX-License-Identifier: MIT */
/* min_curses: the smallest full-screen ncurses program, the memory reference of figure 5.
 * It starts curses, waits for one key (so the pty driver can see it has drawn) and ends. */
#include <curses.h>
#include <locale.h>

int main(void)
{
    setlocale(LC_ALL, "");
    initscr();
    getch();
    endwin();
    return 0;
}
