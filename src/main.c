#include <stdio.h>

int main(void)
{
    puts("trail " TRAIL_VERSION);
    return 0;
}
